import ArgumentParser
import Foundation
import Labels
import Printing
import TraceCodes

/// `tracestation print`: print labels with fresh codes straight to a printer, each one
/// confirmed by the printer's odometer.
struct PrintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print labels with fresh trace codes on a ZPL printer and confirm each one.",
        discussion: """
            Each label gets a new random serial in a GS1 Digital Link, is rendered with the \
            template on the device, and is sent as its own format. A label counts as printed only \
            when the printer's odometer has advanced past it; a label whose fate is unknown is \
            reported unconfirmed and never sent again. Progress goes to standard error, a summary \
            to standard output. Exits 1 if any label is not confirmed printed.

            The codes are not recorded in a ledger: use this to set up and test a printer.

            Example:
              tracestation print --device zebra-zd421-203 --template product-60x40 --count 10 --printer 127.0.0.1:9100
            """
    )

    @Option(help: ArgumentHelp("Printer profile name or file.", valueName: "device"))
    var device: String

    @Option(help: ArgumentHelp("Template name or file.", valueName: "template"))
    var template: String

    @Option(help: "How many labels to print.")
    var count = 1

    @Option(help: ArgumentHelp("The printer's address; the device profile's host and port when not given.", valueName: "host:port"))
    var printer: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("A value for one placeholder key; repeatable.", valueName: "key=value"))
    var settings: [String] = []

    @Option(help: "GTIN of the product (8, 12, 13 or 14 digits with a valid check digit).")
    var gtin = "06901234567892"

    @Option(help: "Lot (batch) number.")
    var lot = "L" + StationDate.today(format: "yyyyMMdd")

    func validate() throws {
        guard (1...100_000).contains(count) else { throw ValidationError("--count must be 1–100000 (got \(count))") }
        do {
            _ = try FieldValues(settings: settings)
        } catch {
            throw ValidationError("--set: \(error)")
        }
        if let printer, Self.address(printer, defaultPort: 9100) == nil {
            throw ValidationError("--printer \(printer): give host:port, e.g. 192.168.1.50:9100")
        }
    }

    func run() async throws {
        let library = LabelLibrary.standard()
        let profile = try library.device(device)
        let labelTemplate = try library.template(template)
        let renderer = try LabelRenderer(template: labelTemplate, device: profile)
        let (host, port) = printer.flatMap { Self.address($0, defaultPort: profile.port) } ?? (profile.host, profile.port)

        let date = StationDate.today(format: "yyMMdd")
        let builder = try GS1ItemCodeBuilder(gtin: gtin, lot: lot, productionDate: date)
        var serials = try RandomSerialGenerator(length: 12)
        let fixed = FieldValues(["batch.lot": lot, "batch.date": date]).merging(try FieldValues(settings: settings))

        let link = PrinterLink(host: host, port: port)
        let progress = Task { await Self.report(link.events, total: count) }
        var issued = Set<String>()
        while issued.count < count {
            let serial = try serials.next()
            guard issued.insert(serial).inserted else { continue }
            let code = try builder.code(serial: serial)
            let item = try FieldValues(code: code)
            let format = try renderer.zpl(labelTemplate.sample.merging(item).merging(fixed))
            await link.submit(format.bytes, quantity: format.quantity, reference: item["code.payload"]!)
        }
        await link.waitUntilIdle()
        await link.close()
        let outcome = await progress.value

        print("printed \(count) labels on \(host):\(port): \(outcome.printed) confirmed, \(outcome.unconfirmed.count) unconfirmed, \(outcome.failed.count) failed")
        for (code, reason) in outcome.unconfirmed { print("unconfirmed \(code): \(reason)") }
        for (code, reason) in outcome.failed { print("failed \(code): \(reason)") }
        if outcome.printed != count { throw ExitCode(1) }
    }

    /// Counts final job states and shows progress and printer problems on standard error.
    private static func report(_ events: AsyncStream<PrinterEvent>, total: Int) async -> Outcome {
        var outcome = Outcome()
        for await event in events {
            switch event {
            case let .status(status):
                complain(status.isReady ? "printer ready" : "printer: \(status.problems.map(\.description).joined(separator: ", "))")
            case let .disconnected(reason):
                complain("printer connection lost: \(reason)")
            case let .jobs(updates):
                let printedBefore = outcome.printed
                for update in updates {
                    let code = update.reference ?? update.id.description
                    switch update.state {
                    case .printed: outcome.printed += 1
                    case .unconfirmed: outcome.unconfirmed.append((code, update.reason ?? ""))
                    case .failed, .cancelled: outcome.failed.append((code, update.reason ?? update.state.rawValue))
                    case .queued, .sent: break
                    }
                }
                if outcome.printed / 100 > printedBefore / 100 || (outcome.printed == total && printedBefore < total) {
                    complain("printed \(outcome.printed)/\(total)")
                }
            case .connected:
                break
            }
        }
        return outcome
    }

    private struct Outcome: Sendable {
        var printed = 0
        var unconfirmed: [(String, String)] = []
        var failed: [(String, String)] = []
    }

    private static func complain(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// `host:port`, or a bare host on the default port.
    static func address(_ text: String, defaultPort: Int) -> (String, Int)? {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty else { return nil }
        guard parts.count == 2 else { return (String(host), defaultPort) }
        guard let port = Int(parts[1]), (1...65535).contains(port) else { return nil }
        return (String(host), port)
    }

}
