import PropertyBased
import Testing
@testable import Imaging

/// Words, Chinese characters, spaces and the punctuation the line-break rules care about.
private let wrapCharacters = Array("abcdefghWMil0123456789  中国电线铜芯批号，。、）」：（「.,()-")

private let paragraphs = Gen.int(in: 0...wrapCharacters.count - 1).map { wrapCharacters[$0] }.string(of: 0...60)

@Suite("Text wrapping", .enabled(if: TestFont.isAvailable, TestFont.unavailableReason))
struct TextWrappingTests {
    @Test("Joined back together the lines are the text, less the spaces where they broke")
    func linesAreTheText() async throws {
        let text = try TestFont.rasterizer()
        await propertyCheck(count: 150, input: paragraphs, Gen.int(in: 0...400)) { paragraph, maxWidth in
            let lines = try text.wrap(paragraph, height: 24, maxWidth: maxWidth)
            var rest = Substring(paragraph)
            for (number, line) in lines.enumerated() {
                if number > 0 { rest = rest.drop { $0 == " " } }
                #expect(rest.hasPrefix(line), "line \(number) «\(line)» of «\(paragraph)» at \(maxWidth) dots")
                rest = rest.dropFirst(line.count)
                #expect(line.last != " ")
                #expect(number == 0 || line.first != " ")
            }
            #expect(rest.allSatisfy { $0 == " " })
        }
    }

    @Test("Every line fits, unless it is a single character with the punctuation bound to it")
    func linesFit() async throws {
        let text = try TestFont.rasterizer()
        await propertyCheck(count: 150, input: paragraphs, Gen.int(in: 0...400), Gen.int(in: 12...48)) { paragraph, maxWidth, height in
            for line in try text.wrap(paragraph, height: height, maxWidth: maxWidth)
            where try text.measure(line, height: height).width > maxWidth {
                let core = line.filter { $0 != " " && !$0.isClosingPunctuation && !$0.isOpeningPunctuation }
                #expect(core.count <= 1, "«\(line)» overflows \(maxWidth) dots in «\(paragraph)»")
            }
        }
    }

    @Test("No line begins with closing punctuation or ends with opening punctuation")
    func kinsoku() async throws {
        let text = try TestFont.rasterizer()
        await propertyCheck(count: 150, input: paragraphs, Gen.int(in: 0...300)) { paragraph, maxWidth in
            let lines = try text.wrap(paragraph, height: 24, maxWidth: maxWidth)
            for (number, line) in lines.enumerated() {
                if number > 0, let first = line.first {
                    #expect(!first.isClosingPunctuation, "«\(line)» in «\(paragraph)» at \(maxWidth) dots")
                }
                if number < lines.count - 1, let last = line.last {
                    #expect(!last.isOpeningPunctuation, "«\(line)» in «\(paragraph)» at \(maxWidth) dots")
                }
            }
        }
    }

    @Test("Latin words stay whole, Chinese breaks between characters, and punctuation stays with its character")
    func examples() throws {
        let text = try TestFont.rasterizer()
        let width = { (string: String) throws -> Int in try text.measure(string, height: 24).width }
        #expect(try text.wrap("copper wire insulated", height: 24, maxWidth: width("copper wire ins")) == ["copper wire", "insulated"])
        #expect(try text.wrap("铜芯电线", height: 24, maxWidth: width("铜芯电")) == ["铜芯电", "线"])
        #expect(try text.wrap("铜芯电，线", height: 24, maxWidth: width("铜芯电")) == ["铜芯", "电，线"])
        #expect(try text.wrap("铜芯（电线）", height: 24, maxWidth: width("铜芯（")) == ["铜芯", "（电", "线）"])
        #expect(try text.wrap("电线BV2.5", height: 24, maxWidth: width("电线B")) == ["电线", "BV2.5"])
        let hri = "(01)06901234567892(11)250301(10)L2025A"
        #expect(try text.wrap(hri, height: 24, maxWidth: width("(01)06901234567892(11)")) == ["(01)06901234567892", "(11)250301(10)L2025A"])
    }

    @Test("A word wider than the line is split between characters; a newline always breaks")
    func hardBreaks() throws {
        let text = try TestFont.rasterizer()
        let code = "0123456789ABCDEF0123"
        let lines = try text.wrap(code, height: 24, maxWidth: text.measure("01234567", height: 24).width)
        #expect(lines.joined() == code && lines.count == 3 && lines[0] == "01234567")
        #expect(try text.wrap("批号 A1\n\n日期  ", height: 24, maxWidth: 1000) == ["批号 A1", "", "日期"])
        #expect(try text.wrap("", height: 24, maxWidth: 100) == [])
    }
}
