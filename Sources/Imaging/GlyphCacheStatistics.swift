/// How a `TextRasterizer`'s glyph cache has served its lookups, for benchmarks and diagnostics.
public struct GlyphCacheStatistics: Sendable, Equatable {
    /// Lookups answered from the cache.
    public var hits = 0
    /// Lookups that had FreeType load and render a glyph.
    public var misses = 0
    /// Glyphs held now.
    public var entries = 0
    /// Times the cache reached its limit and was emptied.
    public var evictions = 0

    public init() {}
}
