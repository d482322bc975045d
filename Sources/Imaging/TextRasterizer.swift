/// Measures and draws single lines of text in one font as 1-bit ink, from a glyph cache.
///
/// "Height" is the font size in dots, as ZPL's `^A` height means it: the em square is `height`
/// dots tall (`FT_Set_Pixel_Sizes(face, 0, height)`). The line box is a little taller, the
/// font's ascent plus descent at that size (38 dots for a 32-dot WenQuanYi Micro Hei line).
///
/// Characters are laid out one after another by their advances, without kerning or shaping:
/// the fonts labels use have no kerning table, and Chinese does not kern. So a text's width is
/// exactly the sum of its parts' widths, which line wrapping relies on.
///
/// Each glyph is loaded and thresholded once per size and then copied from the cache.
/// Like its `Font`, a rasterizer belongs to one task: keep one per rendering task.
public final class TextRasterizer {
    /// The text heights, in dots, the rasterizer draws: up to 2000 dots, 85 mm at 600 dpi.
    public static let heights: ClosedRange<Int> = 1...2000

    public let font: Font
    /// Most glyphs the cache holds; reaching it empties the cache, which then refills with the
    /// glyphs in use. 16,384 glyphs at label sizes take a few megabytes.
    public let cacheLimit: Int
    public private(set) var cacheStatistics = GlyphCacheStatistics()

    private var glyphs: [GlyphKey: Glyph] = [:]
    private var lineMetrics: [Int: (ascent: Int, descent: Int)] = [:]

    public init(font: Font, cacheLimit: Int = 16_384) {
        self.font = font
        self.cacheLimit = max(1, cacheLimit)
    }

    /// The width of `text` and the line box at `height` dots.
    public func measure(_ text: String, height: Int) throws(ImagingError) -> TextMetrics {
        let (ascent, descent) = try metrics(height: height)
        var width = 0
        for scalar in text.unicodeScalars { width += glyph(for: scalar, height: height).advance }
        return TextMetrics(width: width, ascent: ascent, descent: descent)
    }

    /// `text` as a tight line bitmap: as wide as `measure` says, `ascent + descent` tall, with
    /// the baseline at row `ascent`. Ink reaching outside the advances is cut off.
    ///
    /// A character the font lacks is drawn as the font's .notdef box; check
    /// `missingCharacters(in:)` first so that a label never prints such a box unnoticed.
    public func render(_ text: String, height: Int) throws(ImagingError) -> Bitmap {
        let (ascent, descent) = try metrics(height: height)
        // One cache lookup per character: the glyphs found while measuring are the ones drawn.
        let glyphs = text.unicodeScalars.map { glyph(for: $0, height: height) }
        var bitmap = Bitmap(width: glyphs.reduce(0) { $0 + $1.advance }, height: ascent + descent)
        Self.draw(glyphs, into: &bitmap, x: 0, baseline: ascent)
        return bitmap
    }

    /// Adds the ink of `text` to `bitmap` with the line box's top-left corner at (`x`, `y`),
    /// so the baseline falls on row `y + ascent`. Unlike `render`, ink overhanging the line box
    /// (the tail of a "j") is kept; only ink outside `bitmap` is clipped.
    public func draw(_ text: String, height: Int, into bitmap: inout Bitmap, x: Int, y: Int) throws(ImagingError) {
        let baseline = y + (try metrics(height: height)).ascent
        Self.draw(text.unicodeScalars.lazy.map { self.glyph(for: $0, height: height) }, into: &bitmap, x: x, baseline: baseline)
    }

    private static func draw(_ glyphs: some Sequence<Glyph>, into bitmap: inout Bitmap, x: Int, baseline: Int) {
        var pen = x
        for glyph in glyphs {
            bitmap.draw(glyph.image, x: pen + glyph.left, y: baseline - glyph.top)
            pen += glyph.advance
        }
    }

    /// The characters of `text` the font has no glyph for, each once, in order of appearance.
    /// Invisible format characters (zero-width space, joiners, soft hyphen) are never missing.
    public func missingCharacters(in text: String) -> [Unicode.Scalar] {
        var seen = Set<Unicode.Scalar>()
        return text.unicodeScalars.filter { scalar in
            !scalar.properties.isDefaultIgnorableCodePoint && font.glyphIndex(for: scalar) == 0 && seen.insert(scalar).inserted
        }
    }

    /// Ascent and descent at `height`, after checking the height is one the rasterizer draws.
    func metrics(height: Int) throws(ImagingError) -> (ascent: Int, descent: Int) {
        if let known = lineMetrics[height] { return known }
        guard Self.heights.contains(height) else { throw .textHeightOutOfRange(height: height, allowed: Self.heights) }
        let metrics = font.lineMetrics(height: height)
        lineMetrics[height] = metrics
        return metrics
    }

    /// The cached glyph for `scalar` at `height`, loading it on a miss. `height` is checked.
    func glyph(for scalar: Unicode.Scalar, height: Int) -> Glyph {
        let key = GlyphKey(scalar: scalar.value, height: Int32(height))
        if let cached = glyphs[key] {
            cacheStatistics.hits += 1
            return cached
        }
        cacheStatistics.misses += 1
        if glyphs.count >= cacheLimit {
            glyphs.removeAll(keepingCapacity: true)
            cacheStatistics.evictions += 1
        }
        let glyph = load(scalar, height: height)
        glyphs[key] = glyph
        cacheStatistics.entries = glyphs.count
        return glyph
    }

    private func load(_ scalar: Unicode.Scalar, height: Int) -> Glyph {
        let index = font.glyphIndex(for: scalar)
        if index == 0 && scalar.properties.isDefaultIgnorableCodePoint { return .invisible }
        // A glyph the font cannot draw shows as .notdef rather than vanishing from the label.
        return font.renderGlyph(index, height: height) ?? font.renderGlyph(0, height: height) ?? .invisible
    }
}

@available(*, unavailable, message: "a rasterizer drives a FreeType face, which is not thread-safe: keep one per task")
extension TextRasterizer: Sendable {}
