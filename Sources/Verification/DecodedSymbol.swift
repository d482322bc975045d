/// One symbol found in an image.
public struct DecodedSymbol: Sendable, Equatable {
    /// A pixel position in the scanned image.
    public struct Point: Sendable, Hashable, Codable {
        public var x: Int
        public var y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    public let symbology: BarcodeSymbology
    /// The data exactly as the symbol carries it, with FNC1 separators as GS (0x1D).
    ///
    /// For QR these are the raw bytes as encoded. Only when zxing-cpp did not read the symbol
    /// and zbar did, data under an ECI zbar knows (ISO 8859-x, Shift_JIS, UTF-8) comes as UTF-8.
    public let bytes: [UInt8]
    /// The text: by the symbol's ECI when it has one, else `bytes` in the character set
    /// `TextDecoding` chose.
    public let text: String
    /// Whether the symbol starts with FNC1 (GS1 data: GS1-128, GS1 QR Code).
    public let isGS1: Bool
    /// Where the symbol is: a QR's four corners as zbar found them, or for a linear symbol the
    /// corners of the rectangle around the places scan lines crossed it, clockwise from the
    /// top left. Coordinates are in the caller's image even when a scaled copy was read.
    public let position: [Point]
    /// How long decoding the whole image took (all symbols of one image share it).
    public let decodeTime: Duration
    /// A QR symbol's error-correction level ("L", "M", "Q" or "H") when the decoder reported it.
    public let errorCorrectionLevel: String?

    public init(
        symbology: BarcodeSymbology, bytes: [UInt8], text: String, isGS1: Bool,
        position: [Point], decodeTime: Duration, errorCorrectionLevel: String? = nil
    ) {
        self.symbology = symbology
        self.bytes = bytes
        self.text = text
        self.isGS1 = isGS1
        self.position = position
        self.decodeTime = decodeTime
        self.errorCorrectionLevel = errorCorrectionLevel
    }
}
