/// How a QR symbol is built from its data.
public struct QROptions: Sendable, Equatable {
    /// QR versions (sizes) a caller may ask for; 0 lets the encoder choose.
    public static let versions = 0...40

    public var errorCorrection: QRErrorCorrection
    /// The smallest version to use (0 = the smallest that fits); a larger one is chosen when the data needs it.
    public var minimumVersion: Int
    /// GS1 QR: FNC1 in first position, element strings separated by GS (0x1D) in the data.
    public var isGS1: Bool

    public init(errorCorrection: QRErrorCorrection = .m, minimumVersion: Int = 0, isGS1: Bool = false) {
        self.errorCorrection = errorCorrection
        self.minimumVersion = minimumVersion
        self.isGS1 = isGS1
    }
}
