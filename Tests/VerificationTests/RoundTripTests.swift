import Imaging
import PropertyBased
import Symbology
import Testing
import TraceCodes
import Verification

/// What the station prints it must read back: random data is rendered, written to PNG, read
/// from PNG and decoded, and the symbol must carry exactly the data given, at every module size
/// a label uses.
@Suite("Round trips: data, symbol, PNG, decoded symbol")
struct RoundTripTests {
    static let cases = 30
    static let moduleSize = Gen.int(in: 2...8)

    @Test("a GS1 Digital Link in QR reads back exactly, at every error correction level")
    func digitalLinkQR() async {
        await propertyCheck(count: Self.cases, input: Self.itemCode, Gen<QRErrorCorrection>.case, Self.moduleSize) { code, level, size in
            let uri = try code.digitalLink()
            let symbol = try Self.roundTrip(.qr, Array(uri.utf8), size, qr: QROptions(errorCorrection: level))
            #expect(Expected(symbol) == Expected(.qr, uri))
            #expect(try GS1ElementString(digitalLink: symbol.text) == code)
        }
    }

    @Test("a bracketed GS1 element string in GS1-128 reads back as its symbol data, FNC1 separators as GS")
    func gs1_128() async {
        await propertyCheck(count: Self.cases, input: Self.itemCode, Self.moduleSize) { code, size in
            let data = try GS1ElementString(bracketed: code.bracketed).symbolData()
            let symbol = try Self.roundTrip(.gs1_128, Array(data.utf8), size)
            // zbar drops the leading FNC1 and reports it as the GS1 flag; later FNC1s are GS.
            #expect(Expected(symbol) == Expected(.gs1128, data, isGS1: true))
            #expect(try GS1ElementString(symbolData: symbol.text) == code)
        }
    }

    @Test("UTF-8 text with Chinese in QR reads back exactly, at every error correction level")
    func chineseQR() async {
        await propertyCheck(count: Self.cases, input: Self.mixedText, Gen<QRErrorCorrection>.case, Self.moduleSize) { text, level, size in
            let symbol = try Self.roundTrip(.qr, Array(text.utf8), size, qr: QROptions(errorCorrection: level))
            #expect(Expected(symbol) == Expected(.qr, text))
        }
    }

    @Test("any valid UTF-8 bytes in QR read back exactly, and as the same text")
    func utf8BytesQR() async {
        await propertyCheck(count: Self.cases, input: Self.utf8Bytes, Gen<QRErrorCorrection>.case, Self.moduleSize) { bytes, level, size in
            let symbol = try Self.roundTrip(.qr, bytes, size, qr: QROptions(errorCorrection: level))
            #expect(Expected(symbol) == Expected(.qr, bytes: bytes))
        }
    }

    @Test("printable ASCII in Code 128 reads back exactly")
    func code128() async {
        await propertyCheck(count: Self.cases, input: Self.printableASCII, Self.moduleSize) { text, size in
            let symbol = try Self.roundTrip(.code128, Array(text.utf8), size)
            #expect(Expected(symbol) == Expected(.code128, text))
        }
    }

    @Test("an EAN-13 reads back as its 13 digits; one starting with 0 is reported as UPC-A")
    func ean13() async {
        await propertyCheck(count: Self.cases, input: Gen.number.string(of: 12), Self.moduleSize) { body, size in
            let digits = body + String(GS1CheckDigit.compute(for: body))
            let symbol = try Self.roundTrip(.ean13, Array(digits.utf8), size)
            #expect(Expected(symbol) == Expected(digits.hasPrefix("0") ? .upcA : .ean13, digits))
        }
    }

    @Test("a UPC-A reads back as 13 digits with a leading 0")
    func upcA() async {
        await propertyCheck(count: Self.cases, input: Gen.number.string(of: 11), Self.moduleSize) { body, size in
            let digits = body + String(GS1CheckDigit.compute(for: body))
            let symbol = try Self.roundTrip(.upca, Array(digits.utf8), size)
            #expect(Expected(symbol) == Expected(.upcA, "0" + digits))
        }
    }

    /// Renders, encodes to PNG, decodes the PNG and reads it with only `kind`'s symbology
    /// enabled. Exactly one symbol must be found.
    private static func roundTrip(
        _ kind: SymbologyKind, _ data: [UInt8], _ moduleSize: Int, qr: QROptions = QROptions()
    ) throws -> DecodedSymbol {
        let bitmap = try Symbol.render(kind, data: data, options: RenderOptions(moduleSize: moduleSize, qr: qr))
        let image = try PNG.decode(PNG.encode(bitmap))
        let symbols = try BarcodeDecoder(options: .init(symbologies: [BarcodeSymbology(rawValue: kind.rawValue)!])).decode(image)
        try #require(symbols.count == 1, "found \(symbols.map(\.text)) in a \(kind) at \(moduleSize) dots a module")
        return symbols[0]
    }
}

/// The parts of a decoded symbol a round trip must reproduce (not its position or time).
private struct Expected: Equatable {
    var symbology: BarcodeSymbology
    var bytes: [UInt8]
    var text: String
    var isGS1: Bool

    init(_ symbology: BarcodeSymbology, _ text: String, isGS1: Bool = false) {
        self.symbology = symbology
        self.bytes = Array(text.utf8)
        self.text = text
        self.isGS1 = isGS1
    }

    /// Valid UTF-8 is read as UTF-8; a leading byte order mark is not part of the text.
    init(_ symbology: BarcodeSymbology, bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        self.init(symbology, text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        self.bytes = bytes
    }

    init(_ symbol: DecodedSymbol) {
        symbology = symbol.symbology
        bytes = symbol.bytes
        text = symbol.text
        isGS1 = symbol.isGS1
    }
}
