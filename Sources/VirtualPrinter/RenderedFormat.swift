import Imaging

/// One format as the printer would print it.
public struct RenderedFormat: Sendable {
    public let bitmap: Bitmap
    /// Labels to print (`^PQ`).
    public let quantity: Int
    /// Fields the printer could not draw, each a sentence: a bad `^GF` CRC, data a symbology refuses.
    public let problems: [String]
}
