import PropertyBased
import Testing
@testable import Symbology

@Suite("GS1 QR segmentation")
struct GS1QRSegmentationTests {
    static let version = QRVersion(5)

    static func segments(_ text: String, version: QRVersion = version) -> [QRSegment] {
        QRSegment.gs1Segments(for: Array(text.utf8), in: version)
    }

    static func bits(_ segments: [QRSegment], version: QRVersion = version) -> Int {
        segments.reduce(0) { $0 + $1.bitCount(in: version) }
    }

    /// The fewest bits over every assignment of a mode to each character, by enumeration:
    /// what the dynamic program must find.
    static func bruteForceBits(_ data: [UInt8], version: QRVersion) -> Int {
        enum Mode: CaseIterable { case numeric, alphanumeric, byte }
        func units(_ character: UInt8, _ mode: Mode) -> Int? {
            switch mode {
            case .numeric: (0x30...0x39).contains(character) ? 1 : nil
            case .alphanumeric:
                character == 0x1D ? 1 : character == 0x25 ? 2
                    : QRSegment.alphanumericValue(of: character) == nil ? nil : 1
            case .byte: 1
            }
        }
        func runBits(_ mode: Mode, _ count: Int) -> Int {
            switch mode {
            case .numeric: 4 + QRSegment.Mode.numeric.characterCountWidth(for: version) + count / 3 * 10 + [0, 4, 7][count % 3]
            case .alphanumeric: 4 + QRSegment.Mode.alphanumeric.characterCountWidth(for: version) + count / 2 * 11 + count % 2 * 6
            case .byte: 4 + QRSegment.Mode.byte.characterCountWidth(for: version) + 8 * count
            }
        }
        var best: Int?
        func search(_ index: Int, _ runs: [(Mode, Int)]) {
            guard index < data.count else {
                let bits = runs.reduce(0) { $0 + runBits($1.0, $1.1) }
                best = min(best ?? bits, bits)
                return
            }
            for mode in Mode.allCases {
                guard let count = units(data[index], mode) else { continue }
                var next = runs
                if let last = next.last, last.0 == mode {
                    next[next.count - 1].1 += count
                } else {
                    next.append((mode, count))
                }
                search(index + 1, next)
            }
        }
        search(0, [])
        return best! + 4  // the FNC1 indicator
    }

    @Test("digits only are one numeric segment after the FNC1 indicator")
    func digits() {
        #expect(Self.segments("0106901234567892") == [.fnc1First, .numeric(Array("0106901234567892".utf8))])
    }

    @Test("in alphanumeric mode FNC1 is % and a data % is %%")
    func alphanumericFNC1() {
        let segments = Self.segments("10ABCDEFGHIJ%KLM\u{1D}21NOPQRSTU")
        #expect(segments == [.fnc1First, .alphanumeric(Array("10ABCDEFGHIJ%%KLM%21NOPQRSTU".utf8))])
    }

    @Test("lower-case letters go in byte mode, where GS and % stay as they are")
    func byteMode() {
        let segments = Self.segments("10abc%\u{1D}21x")
        #expect(segments == [.fnc1First, .byte(Array("10abc%\u{1D}21x".utf8))])
    }

    @Test("a long digit run between letters gets its own numeric segment")
    func mixed() {
        let segments = Self.segments("0106901234567892" + "21" + "abcdefgh")
        #expect(segments.map(\.mode) == [.fnc1First, .numeric, .byte])
        #expect(segments[1] == .numeric(Array("010690123456789221".utf8)))
    }

    @Test("the chosen segments take as few bits as the best of every mode assignment")
    func optimal() async {
        let characters = Array("0123456789ABCZ%abz-\u{1D}".utf8)
        let data = Gen<UInt8?>.element(of: characters).map { $0! }.array(of: 1...8)
        let versions = Gen<Int?>.element(of: [1, 9, 10, 26, 27, 40]).map { QRVersion($0!) }
        await propertyCheck(count: 200, input: data, versions) { data, version in
            let segments = QRSegment.gs1Segments(for: data, in: version)
            #expect(Self.bits(segments, version: version) == Self.bruteForceBits(data, version: version))
        }
    }

    @Test("the character-count widths change at versions 10 and 27")
    func countWidths() {
        let widths = [1, 9, 10, 26, 27, 40].map {
            QRSegment.Mode.byte.characterCountWidth(for: QRVersion($0))
                + QRSegment.Mode.numeric.characterCountWidth(for: QRVersion($0))
                * 100
        }
        #expect(widths == [1008, 1008, 1216, 1216, 1416, 1416])
    }
}
