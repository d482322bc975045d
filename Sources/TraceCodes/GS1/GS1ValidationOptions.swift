/// Choices a GS1 validation leaves to the station's configuration.
public struct GS1ValidationOptions: Sendable, Hashable {
    /// The set batch/lot (10) and serial (21) values are checked against. GS1 allows CSET 82;
    /// China's GB/T 33993-2017 商品二维码 restricts both further.
    public var lotAndSerialCharacterSet: GS1CharacterSet

    public init(lotAndSerialCharacterSet: GS1CharacterSet = .cset82) {
        self.lotAndSerialCharacterSet = lotAndSerialCharacterSet
    }

    public static let gs1 = GS1ValidationOptions()
    public static let gbt33993 = GS1ValidationOptions(lotAndSerialCharacterSet: .gbt33993)
}
