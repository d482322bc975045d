import PropertyBased
import Testing
@testable import Imaging

/// Characters label text is made of: Latin, digits, symbols, Chinese and its punctuation.
private let labelCharacters = Array("AaBbWwij0123456789.-/:²° 产品名称铜芯聚氯乙烯绝缘电线批号日期，。：（）")
private let labelCharacter = Gen.int(in: 0...labelCharacters.count - 1).map { labelCharacters[$0] }

@Suite("Text rasterizing", .enabled(if: TestFont.isAvailable, TestFont.unavailableReason))
struct TextRasterizerTests {
    @Test("Longer text measures wider, for Latin and for Chinese")
    func widerText() throws {
        let text = try TestFont.rasterizer()
        #expect(try text.measure("BV", height: 32).width < text.measure("BV 2.5mm²", height: 32).width)
        #expect(try text.measure("产品", height: 32).width < text.measure("产品名称", height: 32).width)
        #expect(try text.measure("", height: 32).width == 0)
    }

    @Test("A text's width is the sum of its parts' widths")
    func widthsAdd() async throws {
        let text = try TestFont.rasterizer()
        await propertyCheck(count: 80, input: labelCharacter.string(of: 0...30), Gen.int(in: 8...60)) { string, height in
            let cut = string.index(string.startIndex, offsetBy: string.count / 2)
            let whole = try text.measure(string, height: height).width
            let parts = try text.measure(String(string[..<cut]), height: height).width
                + text.measure(String(string[cut...]), height: height).width
            #expect(whole == parts)
        }
    }

    @Test("The line box grows with the height and is at least the height", arguments: [12, 24, 32, 40, 64, 200])
    func heightScales(height: Int) throws {
        let text = try TestFont.rasterizer()
        let line = try text.measure("中", height: height), doubled = try text.measure("中", height: height * 2)
        #expect(line.height >= height)
        #expect(line.height <= height * 3 / 2 + 1)
        #expect(abs(doubled.height - 2 * line.height) <= 2)
        #expect(abs(doubled.width - 2 * line.width) <= 2)
    }

    @Test("A rendered line has the measured size")
    func renderedSize() async throws {
        let text = try TestFont.rasterizer()
        await propertyCheck(count: 60, input: labelCharacter.string(of: 0...24), Gen.int(in: 6...80)) { string, height in
            let metrics = try text.measure(string, height: height)
            let bitmap = try text.render(string, height: height)
            #expect(bitmap.width == metrics.width && bitmap.height == metrics.ascent + metrics.descent)
        }
    }

    @Test("Every visible character leaves ink; spaces and zero-width characters leave none", arguments: [16, 24, 32, 40])
    func ink(height: Int) throws {
        let text = try TestFont.rasterizer()
        for character in labelCharacters where character != " " {
            #expect(try text.render(String(character), height: height).hasInk, "\(character) at \(height) dots")
        }
        let blank = try text.render("   \u{3000}\u{200B}", height: height)
        #expect(blank.width > 0 && !blank.hasInk)
    }

    @Test("Chinese characters render as themselves, not as the box of a character the font lacks")
    func chineseIsNotNotdef() throws {
        let text = try TestFont.rasterizer()
        let notdef = try text.render("\u{10FFFD}", height: 32)
        for character in "产品名称铜芯聚氯乙烯绝缘电线" {
            let glyph = try text.render(String(character), height: 32)
            #expect(glyph.hasInk && glyph != notdef, "\(character)")
        }
    }

    @Test("The characters the font lacks are found, each once; invisible format characters are never missing")
    func missing() throws {
        let text = try TestFont.rasterizer()
        #expect(text.missingCharacters(in: "产品名称：铜芯聚氯乙烯绝缘电线 BV 2.5mm²\u{200B}") == [])
        #expect(text.missingCharacters(in: "批号\u{10FFFD}A\u{10FFFD}\u{F0000}") == ["\u{10FFFD}", "\u{F0000}"])
        // The missing character still takes room: the label shows a box rather than hiding the gap.
        #expect(try text.measure("\u{10FFFD}", height: 32).width > 0)
    }

    @Test("Drawing a line into a label equals drawing its rendered bitmap there, plus any ink overhanging the line box")
    func drawInto() async throws {
        let text = try TestFont.rasterizer()
        await propertyCheck(count: 40, input: labelCharacter.string(of: 1...12), Gen.int(in: -40...120).array(of: 2)) { string, offset in
            var direct = Bitmap(width: 150, height: 60)
            direct.fill(x: 0, y: 0, width: 3, height: 3)
            var viaBitmap = direct
            let (x, y) = (offset[0], offset[1] / 2)
            try text.draw(string, height: 24, into: &direct, x: x, y: y)
            let line = try text.render(string, height: 24)
            viaBitmap.draw(line, x: x, y: y)
            for py in 0..<direct.height {
                for px in 0..<direct.width {
                    let inBox = (x..<x + line.width).contains(px) && (y..<y + line.height).contains(py)
                    if inBox ? direct[px, py] != viaBitmap[px, py] : viaBitmap[px, py] && !direct[px, py] {
                        Issue.record("pixel (\(px), \(py)) differs for «\(string)» at (\(x), \(y))")
                    }
                }
            }
        }
    }

    @Test("Glyphs come from the cache after their first use, and a full cache empties without changing the output")
    func cache() throws {
        let text = try TestFont.rasterizer()
        let line = "产品名称：铜芯聚氯乙烯绝缘电线 BV 2.5mm²"
        let first = try text.render(line, height: 32)
        let distinct = Set(line.unicodeScalars).count
        #expect(text.cacheStatistics.misses == distinct && text.cacheStatistics.entries == distinct)
        #expect(try text.render(line, height: 32) == first)
        #expect(text.cacheStatistics.misses == distinct)
        #expect(text.cacheStatistics.hits == 2 * line.unicodeScalars.count - distinct, "one lookup per character")

        let small = try TestFont.rasterizer(cacheLimit: 5)
        #expect(try small.render(line, height: 32) == first)
        #expect(small.cacheStatistics.evictions > 0 && small.cacheStatistics.entries <= 5)
    }

    @Test("A height outside 1…2000 dots is refused by name", arguments: [0, -3, 2001])
    func badHeight(height: Int) throws {
        let text = try TestFont.rasterizer()
        #expect(throws: ImagingError.textHeightOutOfRange(height: height, allowed: 1...2000)) { try text.render("A", height: height) }
        #expect(throws: ImagingError.textHeightOutOfRange(height: height, allowed: 1...2000)) { try text.wrap("", height: height, maxWidth: 10) }
    }
}
