import ArgumentParser
import Foundation
import Printing

/// `tracestation printer`: talk to a label printer on its raw port.
struct PrinterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "Ask a ZPL label printer for its status.",
        subcommands: [Status.self]
    )
}

extension PrinterCommand {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a printer's status: faults from ~HS and ~HQES, model from ~HI, and the odometer.",
            discussion: """
                A printer does not answer ~HS under paper out, ribbon out or head open; ~HQES then \
                names the fault, and a printer that answers neither is reported offline. \
                Exits 0 when the printer is ready, 1 when it reports a problem, 2 when it cannot be reached.
                """
        )

        @Option(help: "Printer address.")
        var host: String

        @Option(help: "Printer raw port.")
        var port = 9100

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() async throws {
            let link = PrinterLink(host: host, port: port, configuration: .init(reconnectAttempts: 2))
            let status: PrinterStatus
            do {
                status = try await link.status()
            } catch {
                await link.close()
                FileHandle.standardError.write(Data("tracestation printer status: \(error)\n".utf8))
                throw ExitCode(2)
            }
            let report = StatusReport(printer: "\(host):\(port)", status: status,
                                      identity: try? await link.identity(), odometer: try? await link.odometer())
            await link.close()
            print(json ? report.json : report.text)
            if !status.isReady { throw ExitCode(1) }
        }
    }
}

/// A printer's status as the command shows it.
private struct StatusReport: Encodable {
    let printer: String
    let ready: Bool
    let problems: [PrinterProblem]
    let formatsInBuffer: Int?
    let labelsRemaining: Int?
    let model: String?
    let firmware: String?
    let dotsPerMillimetre: Int?
    let odometer: Int?

    enum CodingKeys: String, CodingKey {
        case printer, ready, problems, model, firmware, odometer
        case formatsInBuffer = "formats_in_buffer"
        case labelsRemaining = "labels_remaining"
        case dotsPerMillimetre = "dots_per_mm"
    }

    init(printer: String, status: PrinterStatus, identity: PrinterIdentity?, odometer: Int?) {
        self.printer = printer
        ready = status.isReady
        problems = status.problems
        formatsInBuffer = status.formatsInBuffer
        labelsRemaining = status.labelsRemaining
        model = identity?.model
        firmware = identity?.firmware
        dotsPerMillimetre = identity?.dotsPerMillimetre
        self.odometer = odometer
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    var text: String {
        func shown<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "unknown" }
        return """
            printer:            \(printer)
            state:              \(ready ? "ready" : problems.map(\.description).joined(separator: ", "))
            model:              \(shown(model)) \(firmware ?? "")
            dots per mm:        \(shown(dotsPerMillimetre))
            formats in buffer:  \(shown(formatsInBuffer))
            labels remaining:   \(shown(labelsRemaining))
            odometer:           \(shown(odometer))
            """
    }
}
