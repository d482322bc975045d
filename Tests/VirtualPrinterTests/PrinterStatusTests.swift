import Foundation
import Testing
import VirtualPrinter
import ZPL

@Suite("Printer status and faults")
struct PrinterStatusTests {
    static let label = Array("^XA^PW200^LL100^FO10,10^GB50,50,5^FS^XZ".utf8)

    static func printer(_ faults: [String] = []) throws -> VirtualPrinter {
        var set = PrinterFaults()
        for fault in faults { try set.set(fault) }
        return VirtualPrinter(configuration: .init(faults: set), fonts: try PrinterFonts.installed())
    }

    static func send(_ text: String, to printer: VirtualPrinter) async -> String {
        var parser = ZPLStreamParser()
        var answer: [UInt8] = []
        for event in parser.feed(Array(text.utf8)) {
            answer += await printer.receive([PrinterInput(event: event, insideFormat: false)]).bytes
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test("A healthy printer answers ~HS with three frames and counts printed labels")
    func healthy() async throws {
        let printer = try Self.printer()
        _ = await Self.send(String(decoding: Self.label, as: UTF8.self) + "^XA^FO1,1^GB5,5,5^FS^PQ3^XZ", to: printer)
        #expect(await printer.odometer == 4)
        let status = await Self.send("~HS", to: printer)
        #expect(status.filter { $0 == "\u{03}" }.count == 3)
        #expect(ZPLHostStatus(parsing: status)?.paperOut == false)
        #expect(await Self.send("! U1 getvar \"odometer.total_label_count\"\r\n", to: printer) == "\"4\"")
        #expect(ZPLExtendedStatus(parsing: await Self.send("~HQES", to: printer))?.errors == [])
        #expect(await Self.send("~HI", to: printer).contains(",8,"))
    }

    @Test("Paper out after N labels stops printing, silences ~HS and sets the ~HQES media-out bit",
          arguments: [("paper-out-after=1", ZPLExtendedStatus.Errors.mediaOut),
                      ("ribbon-out=1", .ribbonOut), ("head-open=1", .headOpen)])
    func silentFaults(_ fault: String, _ bit: ZPLExtendedStatus.Errors) async throws {
        let printer = try Self.printer([fault])
        _ = await Self.send(String(decoding: Self.label + Self.label, as: UTF8.self), to: printer)
        #expect(await printer.odometer <= 1)
        #expect(await Self.send("~HS", to: printer).isEmpty)
        #expect(await Self.send("! U1 getvar \"device.host_status\"\r\n", to: printer).isEmpty)
        #expect(ZPLExtendedStatus(parsing: await Self.send("~HQES", to: printer))?.errors == bit)
        await printer.setFaults(PrinterFaults())
        #expect(await printer.odometer == 2, "buffered labels print once the fault is cleared")
    }

    @Test("Pause is reported in ~HS and holds the formats in the buffer")
    func pause() async throws {
        let printer = try Self.printer(["pause=1"])
        _ = await Self.send(String(decoding: Self.label, as: UTF8.self), to: printer)
        let status = try #require(ZPLHostStatus(parsing: await Self.send("~HS", to: printer)))
        #expect(status.paused && status.formatsInBuffer == 1 && status.labelsRemaining == 1)
        #expect(await printer.odometer == 0)
    }

    @Test("Status faults: silent, garbage and delayed answers")
    func statusFaults() async throws {
        #expect(await Self.send("~HS", to: try Self.printer(["status-silent=1"])).isEmpty)
        #expect(ZPLHostStatus(parsing: await Self.send("~HS", to: try Self.printer(["status-garbage=1"]))) == nil)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(!(await Self.send("~HS", to: try Self.printer(["status-delay-ms=200"]))).isEmpty)
        #expect(clock.now - start >= .milliseconds(200))
    }

    @Test("A format longer than drop-after-bytes is lost and the connection dropped")
    func dropMidJob() async throws {
        let printer = try Self.printer(["drop-after-bytes=10"])
        var parser = ZPLStreamParser()
        let event = try #require(parser.feed(Self.label).first)
        let reply = await printer.receive([PrinterInput(event: event, insideFormat: false)])
        #expect(reply.closeConnection)
        #expect(await printer.odometer == 0)
    }

    @Test("Unknown fault names are refused with the list of known ones")
    func unknownFault() {
        var faults = PrinterFaults()
        #expect(throws: VirtualPrinterError.self) { try faults.set("jam=1") }
    }

    @Test("The HTTP control endpoint sets faults from lines or JSON, clears them and shows the status")
    func control() async throws {
        let printer = try Self.printer()
        let (status, _) = await ControlServer.respond(method: "POST", path: "/faults", body: Array("head-open=1\npaper-out-after=5\n".utf8), printer: printer)
        #expect(status == 200)
        var faults = await printer.faults
        #expect(faults.headOpen && faults.paperOutAfter == 5)
        _ = await ControlServer.respond(method: "POST", path: "/faults", body: Array(#"{"head-open": false, "pause": true}"#.utf8), printer: printer)
        faults = await printer.faults
        #expect(!faults.headOpen && faults.paused && faults.paperOutAfter == 5)
        let (_, body) = await ControlServer.respond(method: "GET", path: "/status", body: [], printer: printer)
        let snapshot = try JSONDecoder().decode(PrinterSnapshot.self, from: Data(body.utf8))
        #expect(snapshot.faults == ["paper-out-after=5", "pause=1"] && snapshot.odometer == 0)
        #expect(await ControlServer.respond(method: "DELETE", path: "/faults", body: [], printer: printer).status == 200)
        #expect(await printer.faults == PrinterFaults())
        #expect(await ControlServer.respond(method: "POST", path: "/faults", body: Array("bogus=1".utf8), printer: printer).status == 400)
        #expect(await ControlServer.respond(method: "GET", path: "/nothing", body: [], printer: printer).status == 404)
    }

    @Test("With rendering off, formats are counted and logged but not drawn")
    func renderOff() async throws {
        let printer = VirtualPrinter(configuration: .init(renders: false), fonts: try PrinterFonts.installed())
        _ = await Self.send("^XA^FO1,1^GB5,5,5^FS^PQ3^XZ", to: printer)
        #expect(await printer.odometer == 3)
        #expect(await printer.recentLabels.allSatisfy { $0.bitmap.width == 1 })
    }

    @Test("~PP pauses the printer and ~PS resumes it")
    func pauseCommands() async throws {
        let printer = try Self.printer()
        _ = await Self.send("~PP" + String(decoding: Self.label, as: UTF8.self), to: printer)
        #expect(await printer.odometer == 0)
        _ = await Self.send("~PS", to: printer)
        #expect(await printer.odometer == 1)
    }
}
