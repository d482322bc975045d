import PropertyBased
import Testing
import ZPL

@Suite("Streaming ZPL parser")
struct ZPLStreamParserTests {
    /// A stream with several formats, `~` commands inside and between them, an SGD line, a
    /// caret change and line breaks, as real hosts send them.
    static let stream = Array((
        "~TA000\n~JSN\r\n^XA^CI28^PW400^LL300^FO10,20^A0N,30,30^FH^FDHello _5E world^FS^XZ\r\n"
            + "! U1 getvar \"odometer.total_label_count\"\r\n"
            + "^XA^FO5,5^GB100,50,3^FS~HS^FO1,1^BCN,50,Y,N,N,N^FD>;1234^FS^XZ"
            + "^XA^CC-\n-FO30,30-FDcaret changed-FS-CC^\n^FS^XZ~HQES^XA^XZ"
    ).utf8)

    static func parseAll(_ bytes: [UInt8], chunks: [Int], keptCommands: Set<String>? = nil) -> [ZPLStreamEvent] {
        var parser = ZPLStreamParser(keptCommands: keptCommands)
        var events: [ZPLStreamEvent] = []
        var start = 0
        var index = 0
        while start < bytes.count {
            let size = chunks.isEmpty ? bytes.count : max(1, chunks[index % chunks.count])
            let end = min(bytes.count, start + size)
            events += parser.feed(bytes[start..<end])
            start = end
            index += 1
        }
        return events
    }

    @Test("The stream gives its formats, ~ commands and SGD line in the order they complete")
    func eventsInOrder() throws {
        let events = Self.parseAll(Self.stream, chunks: [])
        let summary = events.map { event -> String in
            switch event {
            case let .control(command): "~\(command.name)\(String(decoding: command.parameters, as: UTF8.self))"
            case let .format(script): "format(\(script.commands.map(\.name).joined(separator: " ")))"
            case let .setGetDo(line): line
            case .refused: "refused"
            }
        }
        #expect(summary == [
            "~TA000", "~JSN",
            "format(CI PW LL FO A FH FD FS)",
            "! U1 getvar \"odometer.total_label_count\"",
            "~HS",
            "format(FO GB FS FO BC FD FS)",
            "format(CC FO FD FS CC FS)",
            "~HQES",
            "format()",
        ])
        guard case let .format(first) = events[2] else { throw ParserTestError.unexpected }
        #expect(first.commands[6].parameters == Array("Hello _5E world".utf8))
        #expect(first.commands[4].arguments == ["0N", "30", "30"])
    }

    @Test("Fed one byte at a time, the parser gives the same events as fed all at once")
    func byteAtATime() {
        #expect(Self.parseAll(Self.stream, chunks: [1]) == Self.parseAll(Self.stream, chunks: []))
    }

    @Test("Fed in random chunk sizes, the parser gives the same events as fed all at once")
    func randomChunks() async {
        let whole = Self.parseAll(Self.stream, chunks: [])
        await propertyCheck(count: 300, input: Gen.int(in: 1...40).array(of: 1...20)) { chunks in
            #expect(Self.parseAll(Self.stream, chunks: chunks) == whole)
        }
    }

    @Test("Keeping only ^PQ gives the same formats' bytes, ~ commands and SGD lines, with only the ^PQ commands")
    func keptCommands() async {
        let stream = Self.stream + Array("^XA^FO1,1^FX a comment ^PQ3,0,1,Y^XZ".utf8)
        let whole = Self.parseAll(stream, chunks: [])
        let onlyQuantity = whole.map { event -> ZPLStreamEvent in
            guard case let .format(script) = event else { return event }
            return .format(ZPLScript(commands: script.commands.filter { $0.name == "PQ" }, bytes: script.bytes))
        }
        #expect(onlyQuantity.contains(.format(ZPLScript(commands: [ZPLCommand(.format, "PQ", parameters: Array("3,0,1,Y".utf8))],
                                                         bytes: Array("^XA^FO1,1^FX a comment ^PQ3,0,1,Y^XZ".utf8)))))
        await propertyCheck(count: 100, input: Gen.int(in: 1...40).array(of: 1...20)) { chunks in
            #expect(Self.parseAll(stream, chunks: chunks, keptCommands: ["PQ"]) == onlyQuantity)
        }
    }

    @Test("A ~ command inside a format is surfaced before the format ends")
    func controlInsideFormat() {
        var parser = ZPLStreamParser()
        #expect(parser.feed(Array("^XA^FO1,1^FDabc".utf8)).isEmpty)
        #expect(parser.isInsideFormat)
        #expect(parser.feed(Array("~HS".utf8)) == [.control(ZPLCommand(.control, "HS"))])
        let rest = parser.feed(Array("^FS^XZ".utf8))
        #expect(rest.count == 1)
        #expect(!parser.isInsideFormat)
    }

    @Test("A format over the size limit is refused and the next one still parses")
    func oversizedFormat() {
        var parser = ZPLStreamParser(maximumFormatSize: 64)
        let big = "^XA^FD" + String(repeating: "x", count: 500) + "^FS^XZ"
        let events = parser.feed(Array((big + "^XA^FO1,2^XZ").utf8))
        #expect(events.count == 2)
        guard case .refused = events.first, case let .format(script) = events.last else {
            Issue.record("expected a refusal, then a format: \(events)")
            return
        }
        #expect(script.commands == [ZPLCommand(.format, "FO", parameters: Array("1,2".utf8))])
    }

    @Test("Random bytes never crash the parser and no format it gives exceeds the limit")
    func garbage() async {
        let alphabet: [UInt8] = Array("^~XAZFSDCCTHQ!\"\r\n,0123456789 _".utf8) + [0x00, 0xFF, 0x80, 0x1D]
        let bytes = Gen.int(in: 0...(alphabet.count + 255)).map { $0 < alphabet.count ? alphabet[$0] : UInt8($0 - alphabet.count) }
        await propertyCheck(count: 300, input: bytes.array(of: 0...2000)) { input in
            var parser = ZPLStreamParser(maximumFormatSize: 256)
            for event in parser.feed(input) {
                if case let .format(script) = event {
                    #expect(script.bytes.count <= 256)
                }
            }
        }
    }

    @Test("The ^A font letter is a parameter and ^A@ is a name of its own")
    func fontNames() {
        var parser = ZPLStreamParser()
        let events = parser.feed(Array("^XA^ADN,36,20^A@N,40,40,E:CJK.TTF^XZ".utf8))
        guard case let .format(script) = events.first else {
            Issue.record("no format")
            return
        }
        #expect(script.commands.map(\.name) == ["A", "A@"])
        #expect(script.commands[0].arguments == ["DN", "36", "20"])
    }

    @Test("Status answers read back what they were written from")
    func statusRoundTrip() {
        var status = ZPLHostStatus()
        status.paperOut = true
        status.formatsInBuffer = 3
        status.labelsRemaining = 12
        status.labelLength = 1218
        #expect(ZPLHostStatus(parsing: String(decoding: status.frames, as: UTF8.self)) == status)
        #expect(status.frames.count { $0 == 0x03 } == 3)
        let extended = ZPLExtendedStatus(errors: [.mediaOut, .headOpen], warnings: [.paperNearEnd])
        let text = String(decoding: extended.frame, as: UTF8.self)
        #expect(text.contains("ERRORS:         1 00000000 00000005"))
        #expect(ZPLExtendedStatus(parsing: text) == extended)
    }
}

enum ParserTestError: Error { case unexpected }
