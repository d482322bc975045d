import PropertyBased
import Testing
@testable import ZPL

/// Whatever the data, a field stays one field and gives back its exact UTF-8 bytes.
@Suite("Field escaping")
struct FieldEscapingTests {
    static let fragments = [
        "^", "~", "_", ">", "\\", "\\&", "&", ",", "^XZ^XA", "^XZ", "~JA", "~DGR:X.GRF", "^FS", "\r\n", "\n", "\t",
        "\u{0}", "\u{1D}", "\u{1B}", "\u{7F}", "_5E", "_", "追溯码", "批号", "€", "é", "🙂",
        "a", "Z", "7", " ",
    ]
    /// Fragments that break naive writers, mixed with any character up to U+D7FF (CJK included).
    static let hostile = zip(Gen.int(in: 0...fragments.count), Gen.unicodeScalar(in: "\u{0}"..."\u{D7FF}"))
        .map { index, scalar in index < fragments.count ? fragments[index] : String(Character(scalar)) }
        .array(of: 0...16)
        .map { $0.joined() }
    static let printable = Gen<UInt8>.value(in: 0x20...0x7E).map { Character(Unicode.Scalar($0)) }

    private func isRaw(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "^") || byte == UInt8(ascii: "~") || byte < 0x20 || byte == 0x7F
    }

    @Test("Text field data holds no raw caret, tilde or control byte and unescapes to the input")
    func textFieldRoundTrip() async {
        await propertyCheck(count: 500, input: Self.hostile) { text in
            var format = try ZPLFormat(width: 480, length: 320)
            try format.text(text, at: .origin(x: 10, y: 10), font: .scalable(height: 30, width: 30))
            let fields = ZPLReader.fields(format.bytes)
            try #require(fields.count == 1)
            #expect(!fields[0].contains(where: isRaw))
            #expect(ZPLReader.unescape(fields[0]) == Array(text.utf8))
            #expect(ZPLReader.commands(format.bytes) == [
                "^XA", "^CI", "^PW", "^LL", "^LH", "^FO", "^A0", "^FH", "^FD", "^FS", "^PQ", "^XZ",
            ])
        }
    }

    @Test("A label of every field kind holds only the commands the writer put there")
    func wholeLabelCommands() async {
        await propertyCheck(count: 200, input: Self.hostile, Self.hostile) { first, second in
            var format = try ZPLFormat(width: 480, length: 320, darkness: .absolute(20), printSpeed: 3)
            let font = ZPLFont.file(path: "E:SIMSUN.TTF", height: 24, width: 24)
            try format.box(at: .origin(x: 0, y: 0), width: 480, height: 320, thickness: 2)
            try format.text(first, at: .origin(x: 10, y: 10), font: font)
            try format.textBlock([first, second], at: .origin(x: 10, y: 50), font: font,
                                 block: ZPLTextBlock(width: 300, maxLines: 3))
            try format.qrCode(first + second + "x", at: .origin(x: 300, y: 100), magnification: 4)
            try format.code128("A>" + first.filter { $0.isASCII && !$0.isNewline && $0 >= " " && $0 != "\u{7F}" },
                               at: .origin(x: 10, y: 200), height: 50)
            try format.graphicField([0x80, 0x01], bytesPerRow: 1, rows: 2, at: .origin(x: 400, y: 10))
            #expect(ZPLReader.commands(format.bytes) == [
                "^XA", "^CI", "^PW", "^LL", "^LH", "~SD", "^PR",
                "^FO", "^GB", "^FS",
                "^FO", "^A@", "^FH", "^FD", "^FS",
                "^FO", "^A@", "^FB", "^FH", "^FD", "^FS",
                "^FO", "^BY", "^BQ", "^FH", "^FD", "^FS",
                "^FO", "^BY", "^BC", "^FH", "^FD", "^FS",
                "^FO", "^GF", "^FS",
                "^PQ", "^XZ",
            ])
        }
    }

    @Test("Text block lines come back line for line, and data cannot add a break")
    func textBlockRoundTrip() async {
        await propertyCheck(count: 300, input: Self.hostile.array(of: 1...4)) { lines in
            var format = try ZPLFormat(width: 480, length: 320)
            try format.textBlock(
                lines, at: .origin(x: 0, y: 0), font: .file(path: "E:SIMSUN.TTF", height: 24, width: 24),
                block: ZPLTextBlock(width: 400, maxLines: 4))
            let fields = ZPLReader.fields(format.bytes)
            try #require(fields.count == 1)
            #expect(!fields[0].contains(where: isRaw))
            let text = try #require(ZPLReader.unescape(fields[0]))
            #expect(ZPLReader.blockLines(text) == lines.map { Array($0.utf8) })
        }
    }

    @Test("QR Code byte-mode data keeps its byte count and bytes")
    func qrRoundTrip() async {
        await propertyCheck(count: 300, input: Self.hostile) { text in
            guard !text.isEmpty else { return }
            var format = try ZPLFormat(width: 480, length: 320)
            try format.qrCode(text, at: .origin(x: 10, y: 10), magnification: 4, errorCorrection: .quartile)
            let fields = ZPLReader.fields(format.bytes)
            try #require(fields.count == 1)
            #expect(!fields[0].contains(where: isRaw))
            let data = try #require(ZPLReader.unescape(fields[0]))
            let header = Array("QM,B".utf8) + Array(String(text.utf8.count).leftPadded(to: 4).utf8)
            #expect(Array(data.prefix(header.count)) == header)
            #expect(Array(data.dropFirst(header.count)) == Array(text.utf8))
        }
    }

    @Test("Code 128 data with '>' round-trips through '>0' and subset codes")
    func code128RoundTrip() async {
        let text = Gen.oneOf(Self.printable.string(of: 1...30), Gen.number.string(of: 1...30))
        await propertyCheck(count: 500, input: text) { text in
            var format = try ZPLFormat(width: 480, length: 320)
            try format.code128(text, at: .origin(x: 10, y: 10), height: 80)
            let fields = ZPLReader.fields(format.bytes)
            try #require(fields.count == 1)
            #expect(!fields[0].contains(where: isRaw))
            let data = try #require(ZPLReader.unescape(fields[0]))
            #expect(ZPLReader.code128Data(data) == Array(text.utf8))
        }
    }

    @Test("GS1-128 symbol data round-trips, with FNC1 first and at every GS")
    func gs1Code128RoundTrip() async {
        let lot = Gen<Character?>.element(of: Array("0123456789ABCXYZabc-_>%/")).map { $0! }.string(of: 1...8)
        let serial = Gen.number.string(of: 1...10)
        await propertyCheck(count: 300, input: Gen.number.string(of: 14), lot, serial) { gtin, lot, serial in
            let symbolData = "01" + gtin + "10" + lot + "\u{1D}" + "21" + serial
            var format = try ZPLFormat(width: 480, length: 320)
            try format.gs1Code128(symbolData: symbolData, at: .origin(x: 10, y: 10), height: 80)
            let fields = ZPLReader.fields(format.bytes)
            try #require(fields.count == 1)
            let data = try #require(ZPLReader.unescape(fields[0]))
            #expect(data.starts(with: Array(">;>8".utf8)))
            #expect(ZPLReader.code128Data(data) == [0x1D] + Array(symbolData.utf8))
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
