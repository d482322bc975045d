extension String {
    /// Pads on the left to `width` characters; a longer string is returned whole, never cut.
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
