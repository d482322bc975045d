/// How a QR symbol is built from its data.
public struct QROptions: Sendable, Equatable {
    /// QR versions (sizes) a caller may ask for; 0 lets the encoder choose.
    public static let versions = 0...40

    public var errorCorrection: QRErrorCorrection
    /// The smallest version to use (0 = the smallest that fits); a larger one is chosen when the data needs it.
    public var minimumVersion: Int

    public init(errorCorrection: QRErrorCorrection = .m, minimumVersion: Int = 0) {
        self.errorCorrection = errorCorrection
        self.minimumVersion = minimumVersion
    }
}
