/// One character drawn at one size, as the glyph cache keeps it: ink already thresholded and
/// packed, so drawing it is copying bytes.
struct Glyph {
    /// The ink, packed like any `Bitmap`; empty for a space.
    let image: Bitmap
    /// Dots from the pen position to the image's left column (negative when ink overhangs left).
    let left: Int
    /// Dots from the baseline up to the image's top row.
    let top: Int
    /// Dots the pen moves right after this glyph.
    let advance: Int

    /// Nothing at all: for characters Unicode says to draw as nothing when a font lacks them
    /// (zero-width spaces and joiners, soft hyphens, variation selectors), and for a broken
    /// font that cannot draw even its .notdef box.
    static let invisible = Glyph(image: Bitmap(width: 0, height: 0), left: 0, top: 0, advance: 0)
}

/// A glyph cache key: one Unicode scalar at one em size.
struct GlyphKey: Hashable {
    let scalar: UInt32
    let height: Int32
}
