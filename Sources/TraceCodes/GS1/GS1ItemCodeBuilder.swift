/// Builds the per-item GS1 codes of one batch: (01) GTIN, optional (11) production date,
/// (10) lot and (21) serial.
///
/// The batch-wide parts are checked once, when the builder is made; each code then only
/// adds its serial. Fixed-length elements come before variable ones so that the symbol needs
/// as few separators as possible.
public struct GS1ItemCodeBuilder: Sendable, Hashable {
    public let gtin: GTIN
    public let lot: String
    /// YYMMDD, DD = 00 allowed.
    public let productionDate: String?
    public let options: GS1ValidationOptions

    public init(
        gtin: String, lot: String, productionDate: String? = nil, options: GS1ValidationOptions = .gs1
    ) throws(TraceCodeError) {
        self.gtin = try GTIN(gtin)
        try GS1ApplicationIdentifier.named("10")!.validate(lot, options: options)
        if let productionDate {
            try GS1ApplicationIdentifier.named("11")!.validate(productionDate, options: options)
        }
        self.lot = lot
        self.productionDate = productionDate
        self.options = options
    }

    /// The element string for one item.
    public func code(serial: String) throws(TraceCodeError) -> GS1ElementString {
        var elements = [GS1Element(ai: "01", value: gtin.gtin14)]
        if let productionDate {
            elements.append(GS1Element(ai: "11", value: productionDate))
        }
        elements.append(GS1Element(ai: "10", value: lot))
        elements.append(GS1Element(ai: "21", value: serial))
        return try GS1ElementString(elements, options: options)
    }
}
