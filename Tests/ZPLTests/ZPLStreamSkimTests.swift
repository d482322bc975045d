import PropertyBased
import Testing
import ZPL

/// A parser that keeps a few commands skims past the others; it must see the stream exactly as
/// the full parser does.
@Suite("Streaming ZPL parser, skimming")
struct ZPLStreamSkimTests {
    /// What a printer that only counts keeps.
    static let counted: Set<String> = ["PQ", "DF", "XF"]

    /// A random host stream: formats of common and odd commands, `~` commands and SGD lines
    /// inside and between them, prefix changes, lower-case names, line breaks inside names,
    /// a `^XA` inside a format, and `^FS` outside one. Each number picks one piece.
    static func stream(_ picks: [Int]) -> [UInt8] {
        var caret = "^", tilde = "~"
        var text = ""
        var inside = false
        for pick in picks {
            let value = pick / 64
            switch pick % 32 {
            case 0, 1: text += inside ? "\(caret)XZ" : "\(caret)XA"; inside.toggle()
            case 2: text += "\(caret)FO\(value % 500),\(value % 37)"
            case 3: text += "\(caret)A0N,\(value % 60),\(value % 40)"
            case 4: text += "\(caret)ADN,36,20\(caret)A@N,40,40,E:CJK.TTF"
            case 5: text += "\(caret)FH\(caret)FDdata ! \"q\" _5E \(value)\(caret)FS"
            case 6: text += "\(caret)PQ\(value % 9),0,1,Y"
            case 7: text += "\(caret)pq \(value % 5)"
            // Shorter than the small limit: outside a format, only the full parser collects it.
            case 8: text += "\(caret)FX a comment " + String(repeating: ".", count: value % 200)
            case 9: text += "\(caret)DFR:F\(value % 3).ZPL"
            case 10: text += "\(caret)xfR:F\(value % 3).ZPL\(caret)FS"
            case 11: text += "\(caret)FS"
            case 12: text += "\r\n"
            case 13: text += "\n"
            case 14: text += "\(tilde)HS"
            case 15: text += "\(tilde)HQES"
            case 16: text += "\(tilde)TA0\(value % 10)\r\n"
            case 17: text += "! U1 getvar \"odometer.total_label_count\"\r\n"
            case 18: text += "\(caret)X\r\nZ"; inside = false
            case 19: text += "\(caret)XA"
            case 20:
                let new = ["-", "^", "#"][value % 3]
                if new != tilde { text += "\(caret)CC\(new)"; caret = new }
            case 21:
                let new = ["+", "~", "%"][value % 3]
                if new != caret { text += "\(tilde)CT\(new)"; tilde = new }
            case 22: text += "\(caret)GB\(value % 200),20,2\(caret)FS"
            case 23: text += "\(tilde)DGR:G.GRF,4,1,\n0F0F\r\n0F0F"
            case 24: text += "\(caret)CD;"
            case 25: text += "\(caret)FS! U1 getvar \"device.host_status\""
            case 26: text += "\(caret)BQN,2,5\(caret)FDMA,\(value)\(caret)FS"
            case 27: text += "\(caret)"
            case 28: text += "\(tilde)"
            case 29: text += "\(caret)A"
            default: text += "\(caret)LH0,0\(caret)PW\(value % 800)"
            }
        }
        return Array(text.utf8)
    }

    /// The full parser's events with each format's commands cut to `kept`.
    static func fullParse(_ bytes: [UInt8], maximumFormatSize: Int, keeping kept: Set<String>) -> [ZPLStreamEvent] {
        var parser = ZPLStreamParser(maximumFormatSize: maximumFormatSize)
        return parser.feed(bytes).map { event in
            guard case let .format(script) = event else { return event }
            return .format(ZPLScript(commands: script.commands.filter { kept.contains($0.name) }, bytes: script.bytes))
        }
    }

    static func skim(_ bytes: [UInt8], chunks: [Int], maximumFormatSize: Int, keeping kept: Set<String>) -> [ZPLStreamEvent] {
        var parser = ZPLStreamParser(maximumFormatSize: maximumFormatSize, keptCommands: kept)
        var events: [ZPLStreamEvent] = []
        var start = 0, index = 0
        while start < bytes.count {
            let end = min(bytes.count, start + max(1, chunks[index % chunks.count]))
            events += parser.feed(bytes[start..<end])
            start = end
            index += 1
        }
        return events
    }

    @Test("On random streams cut at random points, skimming gives the full parser's formats, quantities, ~ commands and SGD lines")
    func randomStreams() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...100_000).array(of: 0...120),
                            Gen.int(in: 1...300).array(of: 1...12)) { picks, chunks in
            let bytes = Self.stream(picks)
            for limit in [ZPLStreamParser.defaultMaximumFormatSize, 300] {
                let expected = Self.fullParse(bytes, maximumFormatSize: limit, keeping: Self.counted)
                #expect(Self.skim(bytes, chunks: chunks, maximumFormatSize: limit, keeping: Self.counted) == expected)
            }
        }
    }

    @Test("Skimming keeps ^PQ, ^DF and ^XF and reads a prefix change made inside a format")
    func keepsWhatCounts() {
        let bytes = Array("^XA^DFR:F.ZPL^FO1,1^PQ2^XZ^XA^XFR:F.ZPL^CC#^FD^x#PQ3#XZ~HS".utf8)
        #expect(Self.skim(bytes, chunks: [5], maximumFormatSize: 1000, keeping: Self.counted) == [
            .format(ZPLScript(commands: [ZPLCommand(.format, "DF", parameters: Array("R:F.ZPL".utf8)),
                                         ZPLCommand(.format, "PQ", parameters: Array("2".utf8))],
                              bytes: Array("^XA^DFR:F.ZPL^FO1,1^PQ2^XZ".utf8))),
            .format(ZPLScript(commands: [ZPLCommand(.format, "XF", parameters: Array("R:F.ZPL".utf8)),
                                         ZPLCommand(.format, "PQ", parameters: Array("3".utf8))],
                              bytes: Array("^XA^XFR:F.ZPL^CC#^FD^x#PQ3#XZ".utf8))),
            .control(ZPLCommand(.control, "HS")),
        ])
    }
}
