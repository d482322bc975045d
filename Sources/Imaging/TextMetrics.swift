/// The size of one line of text in printer dots.
public struct TextMetrics: Sendable, Equatable {
    /// The sum of the characters' advances: where the next character would start.
    public var width: Int
    /// Dots from the top of the line box down to the baseline; the font's ascender at this size.
    public var ascent: Int
    /// Dots from the baseline down to the bottom of the line box; the font's descender.
    public var descent: Int

    public init(width: Int, ascent: Int, descent: Int) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }

    /// The line box's height, `ascent + descent`: the same for every text at one size, so lines
    /// of different content stack evenly.
    public var height: Int { ascent + descent }
}
