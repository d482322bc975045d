extension TextRasterizer {
    /// `text` broken into lines no wider than `maxWidth` dots at `height`, for layout.
    ///
    /// Lines break at spaces, which are dropped at the break, and between Chinese, Japanese or
    /// Korean characters, with a simple kinsoku: never before closing punctuation such as
    /// `，。、）」` and never after opening punctuation such as `（「`. A Latin word is split only
    /// when it alone is wider than `maxWidth`; a single character wider than `maxWidth` (with
    /// the punctuation bound to it) gets a line of its own and overflows. A newline always
    /// breaks the line. Empty text gives no lines.
    public func wrap(_ text: String, height: Int, maxWidth: Int) throws(ImagingError) -> [String] {
        _ = try metrics(height: height)  // refuses a height out of range even for empty text
        guard !text.isEmpty else { return [] }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).flatMap { paragraph in
            wrapParagraph(Array(paragraph), height: height, maxWidth: maxWidth)
        }
    }

    /// A stretch of characters between two break opportunities: its content, then the spaces
    /// that are dropped when the line breaks after it.
    private struct Unit {
        var start: Int
        var end: Int
        var spacesEnd: Int
    }

    private func wrapParagraph(_ characters: [Character], height: Int, maxWidth: Int) -> [String] {
        let widths = characters.map { character in
            character.unicodeScalars.reduce(0) { $0 + glyph(for: $1, height: height).advance }
        }
        func width(_ range: Range<Int>) -> Int { widths[range].reduce(0, +) }

        let classes = characters.map(LineBreakClass.init)
        var lines: [String] = []
        var line: (start: Int, end: Int, width: Int)?
        var pendingSpaces = 0
        for unit in units(of: classes) {
            let unitWidth = width(unit.start..<unit.end)
            if let current = line, current.width + pendingSpaces + unitWidth <= maxWidth {
                line = (current.start, unit.end, current.width + pendingSpaces + unitWidth)
            } else {
                if let current = line { lines.append(String(characters[current.start..<current.end])) }
                line = (unit.start, unit.end, unitWidth)
                if unitWidth > maxWidth {
                    // Too wide for any line: split between characters, keeping bound punctuation.
                    var chunk = (start: unit.start, width: 0)
                    for atom in atoms(of: classes, in: unit.start..<unit.end) {
                        let atomWidth = width(atom)
                        if chunk.start < atom.lowerBound && chunk.width + atomWidth > maxWidth {
                            lines.append(String(characters[chunk.start..<atom.lowerBound]))
                            chunk = (atom.lowerBound, 0)
                        }
                        chunk.width += atomWidth
                    }
                    line = (chunk.start, unit.end, chunk.width)
                }
            }
            pendingSpaces = width(unit.end..<unit.spacesEnd)
        }
        if let current = line { lines.append(String(characters[current.start..<current.end])) }
        return lines.isEmpty ? [""] : lines
    }

    /// The paragraph cut at its break opportunities: at spaces, around ideographs, and before
    /// an opening bracket, so GS1 text like `(01)…(10)…` breaks between its elements.
    private func units(of classes: [LineBreakClass]) -> [Unit] {
        var units: [Unit] = []
        var start = 0
        var lastContent: Int?  // the last character before `index` that is not a space
        for index in classes.indices {
            let current = classes[index]
            if index > 0, let previous = lastContent, !current.contains(.space), !current.contains(.closing),
               !classes[previous].contains(.opening),
               previous < index - 1 || classes[previous].contains(.ideographic) || current.contains(.ideographic)
                || current.contains(.opening) {
                units.append(unit(classes, start..<index))
                start = index
            }
            if !current.contains(.space) { lastContent = index }
        }
        if start < classes.count { units.append(unit(classes, start..<classes.count)) }
        return units
    }

    /// A unit over `range`, its trailing spaces split off.
    private func unit(_ classes: [LineBreakClass], _ range: Range<Int>) -> Unit {
        var end = range.upperBound
        while end > range.lowerBound && classes[end - 1].contains(.space) { end -= 1 }
        return Unit(start: range.lowerBound, end: end, spacesEnd: range.upperBound)
    }

    /// The places a too-wide unit may be split: between characters, except before a space or
    /// closing punctuation and after a space or opening punctuation.
    private func atoms(of classes: [LineBreakClass], in range: Range<Int>) -> [Range<Int>] {
        var atoms: [Range<Int>] = []
        var start = range.lowerBound
        for index in range.dropFirst() {
            let current = classes[index], previous = classes[index - 1]
            if !current.contains(.space) && !current.contains(.closing)
                && !previous.contains(.space) && !previous.contains(.opening) {
                atoms.append(start..<index)
                start = index
            }
        }
        atoms.append(start..<range.upperBound)
        return atoms
    }
}
