/// A barcode symbology the decoder can be asked for and reports.
///
/// A wider symbology includes a narrower one that is a special case of it: asking for
/// `.code128` also returns GS1-128 symbols (reported as `.gs1128`), and asking for `.ean13`
/// also returns UPC-A symbols (reported as `.upcA`).
public enum BarcodeSymbology: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case qr = "qr"
    case code128 = "code128"
    /// Code 128 starting with FNC1: GS1 element strings.
    case gs1128 = "gs1-128"
    case ean13 = "ean13"
    /// An EAN-13 whose first digit is 0; its text keeps that 0 (13 digits, GTIN-13 form).
    case upcA = "upca"
    case ean8 = "ean8"
    case upcE = "upce"
    case code39 = "code39"
    case code93 = "code93"
    case codabar = "codabar"
    case interleaved2of5 = "i25"
    case dataBar = "databar"
    case dataBarExpanded = "databar-exp"

    /// The symbologies printed on trace labels and retail goods, enabled unless asked otherwise.
    /// UPC-E, Code 39, Codabar, I 2/5 and DataBar stay off: on photos of other codes they
    /// produce most of zbar's false reads.
    public static let common: Set<BarcodeSymbology> = [.qr, .code128, .gs1128, .ean13, .upcA, .ean8]

    public var description: String { rawValue }

    /// Reads a symbology name as operators and other tools write it: our own names, and the
    /// format names of zxing-cpp and zbar (`QRCode`, `QRCODE`, `EAN13`, `ITF`, `I25`…),
    /// in any letter case.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "_" && $0 != " " }
        if let value = BarcodeSymbology(rawValue: key) {
            self = value
            return
        }
        let aliases: [String: BarcodeSymbology] = [
            "qrcode": .qr, "gs1128": .gs1128, "ean-13": .ean13, "upc-a": .upcA, "ean-8": .ean8,
            "upc-e": .upcE, "itf": .interleaved2of5, "interleaved2of5": .interleaved2of5,
            "databarexpanded": .dataBarExpanded, "databar-expanded": .dataBarExpanded,
        ]
        guard let value = aliases[key] else { return nil }
        self = value
    }
}
