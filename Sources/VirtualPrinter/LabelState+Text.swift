import Imaging

extension LabelState {
    /// Text in `font`, one line or a `^FB` block, drawn upright with the field's top-left at
    /// (0, 0) and the first baseline three quarters of the font height down, as printers do.
    func textImage(_ text: String, font: FontChoice, block: (width: Int, lines: Int, spacing: Int, justification: Character)?) throws -> FieldImage {
        let style = textStyle(font)
        let rasterizer = try renderer.rasterizer(for: style.location)
        let em = min(max(style.em, 1), TextRasterizer.heights.upperBound)
        let ascent = try rasterizer.measure("", height: em).ascent
        let lineWidth = { (line: String) throws -> Int in
            style.width(try rasterizer.measure(line, height: em).width, line.unicodeScalars.count)
        }
        var lines = [text]
        if let block {
            lines = try Self.blockLines(text).flatMap { try Self.wrap($0, width: block.width, measure: lineWidth) }
        }
        let baseline = (font.height * 3 + 2) / 4 + 1
        let advance = font.height + (block?.spacing ?? 0)
        let rows = block.map { min(lines.count, $0.lines) } ?? 1
        var images: [Bitmap] = []
        for line in lines {
            let natural = try rasterizer.render(line, height: em)
            images.append(natural.scaledHorizontally(to: style.width(natural.width, line.unicodeScalars.count)))
        }
        let width = block?.width ?? images.first?.width ?? 0
        var bitmap = Bitmap(width: max(width, 1), height: baseline + (rows - 1) * advance + (font.height + 2) / 3)
        for (index, image) in images.enumerated() {
            // Lines past the block's maximum print over its last line, as on a printer.
            let row = min(index, rows - 1)
            var x = 0
            switch block?.justification {
            case "C": x = (width - image.width) / 2
            case "R": x = width - image.width
            default: break
            }
            bitmap.draw(image, x: x, y: baseline + row * advance - ascent)
        }
        return FieldImage(bitmap, baselinePoint: (0, baseline - 1))
    }

    /// Which face draws `font`, the size to draw it at and the width its lines get.
    private func textStyle(_ font: FontChoice) -> (location: FontLocation, em: Int, width: (Int, Int) -> Int) {
        if font.letter == "@" || fontAliases[font.letter] != nil {
            return (renderer.fonts.stored, font.height, { natural, _ in natural * font.width / max(font.height, 1) })
        }
        if Self.bitmapFontCells[font.letter] != nil {
            return (renderer.fonts.fixedWidth, font.height, { _, count in count * font.width })
        }
        // Font 0: its capitals stand about 0.8 of the height, and its letters are narrower
        // than the free condensed faces at the same height.
        return (renderer.fonts.scalable, font.height * 112 / 100, { natural, _ in natural * 82 * font.width / (100 * max(font.height, 1)) })
    }

    /// `^FB` data split at `\&`; `\\` is one backslash.
    static func blockLines(_ text: String) -> [String] {
        var lines = [""]
        var escaped = false
        for character in text {
            if escaped {
                if character == "&" { lines.append("") } else { lines[lines.count - 1].append(character) }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                lines[lines.count - 1].append(character)
            }
        }
        if lines.count > 1 && lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Greedy word wrap of `line` to `width` dots.
    static func wrap(_ line: String, width: Int, measure: (String) throws -> Int) throws -> [String] {
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            let fits = try current.isEmpty || measure(candidate) <= width
            if fits {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        lines.append(current)
        return lines
    }
}
