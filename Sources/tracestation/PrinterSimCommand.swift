import ArgumentParser
import Foundation
import NIOCore
import VirtualPrinter

struct PrinterSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer-sim",
        abstract: "Run a virtual ZPL printer on TCP that saves every label as PNG.",
        discussion: """
            Answers ~HS, ~HQES, ~HI and SGD getvar (odometer.total_label_count, device.host_status); \
            ~JA cancels, ~PP and ~PS pause and resume. Faults: \(PrinterFaults.names.joined(separator: ", ")). \
            Change them while it runs on the HTTP control port (default: port + 90):
              curl -d head-open=1 http://127.0.0.1:9190/faults      (NAME=VALUE lines or a JSON object)
              curl -X DELETE http://127.0.0.1:9190/faults           (clear every fault)
              curl http://127.0.0.1:9190/status                     (odometer, faults, buffer, as JSON)
            """
    )

    @Option(help: "TCP port to listen on; repeat for several printers.")
    var port: [Int] = [9100]

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Resolution: 203, 300 or 600 dpi.")
    var dpi = 203

    @Option(help: "Folder for label-<n>.png and labels.jsonl (one folder per port under it when several ports).")
    var out: String?

    @Option(name: .customLong("speed-mm-s"), help: "Physical print speed in mm/s; unlimited when not given.")
    var speed: Double?

    @Option(name: .customLong("fault"), help: "A fault as NAME=VALUE, such as paper-out-after=3; repeatable.")
    var faults: [String] = []

    @Option(help: "HTTP control port offset from each printer port; 0 turns the control port off.")
    var controlOffset = 90

    @Flag(help: "Count formats without drawing them, to measure the link rather than the renderer.")
    var noRender = false

    func run() async throws {
        let dotsPerMillimetre = [203: 8, 300: 12, 600: 24][dpi]
        guard let dotsPerMillimetre else {
            throw ValidationError("--dpi \(dpi) is not a printer resolution; use 203, 300 or 600")
        }
        var initial = PrinterFaults()
        for fault in faults {
            do { try initial.set(fault) } catch { throw ValidationError(error.description) }
        }
        let fonts = try PrinterFonts.installed()
        var channels: [Channel] = []
        for port in port {
            var folder = out
            if let out, self.port.count > 1 {
                folder = URL(fileURLWithPath: out).appendingPathComponent(String(port)).path
            }
            if let folder {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let printer = VirtualPrinter(
                configuration: .init(dotsPerMillimetre: dotsPerMillimetre, outputDirectory: folder,
                                     speedMillimetresPerSecond: speed, faults: initial, renders: !noRender),
                fonts: fonts)
            let server = try await PrinterServer.start(printer: printer, host: host, port: port)
            channels.append(server)
            // Port 0 picks a free port: say which, so a script can connect to it.
            let bound = server.localAddress?.port ?? port
            var line = "printer on \(host):\(bound)"
            if controlOffset != 0 {
                channels.append(try await ControlServer.start(printer: printer, host: host, port: bound + controlOffset))
                line += ", control on http://\(host):\(bound + controlOffset)"
            }
            // Written at once, not when a buffer fills: a script waits for this line.
            FileHandle.standardOutput.write(Data((line + (folder.map { ", labels in \($0)" } ?? "") + "\n").utf8))
        }
        for channel in channels {
            try await channel.closeFuture.get()
        }
    }
}
