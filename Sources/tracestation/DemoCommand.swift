import ArgumentParser
import Foundation
import Labels
import Ledger
import Station
import TraceCodes
import VirtualPrinter

/// The whole line a newcomer can watch: a batch goes in, labels come out of a printer one per
/// item, each is verified, a fault and a bad label are handled, and the books balance.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a production line end to end on a virtual printer: print, verify, recover from faults, reconcile and report a batch.",
        discussion: """
            Runs on built-in defaults and needs no printer, database server or network. A virtual \
            ZPL printer is started in-process on a free loopback port and a product batch is \
            created in a fresh SQLite ledger (OUT/ledger.sqlite). The line prints --count labels \
            (Templates/product-60x40 on the virtual-203 printer) as ZPL over TCP, each confirmed \
            by the printer's odometer and verified by decoding the printer's own render. Two \
            faults are injected: the paper runs out after about 40% of the labels (the line \
            pauses, the paper is loaded a moment later, and the line resumes where it stopped), \
            and one label comes out with its QR code wiped, as a ribbon wrinkle leaves it (it \
            fails verification, is voided, and is reprinted with a new code linked to it).

            The batch is then closed with a signed checkpoint, reported in signed chunks to the \
            reference receiver (platform-sim) started in-process, and reconciled, and the \
            ledger's audit is verified. OUT receives the label images (labels/), the reconciliation \
            (reconciliation.html, .csv, .json), the EPCIS 2.0 document (epcis.jsonld) and a \
            gallery of bare symbols (symbols/, at --module dots a module). Exits 1 unless every \
            count reconciles: labels printed = verified pass + voided, the batch balances, the \
            receiver holds exactly the good codes, and the audit verifies.
            """
    )

    @Option(help: "Folder for the ledger, label images and reports (created if missing).")
    var out = "out"

    @Option(help: "How many good labels the line prints.")
    var count = 500

    @Option(help: "GTIN of the demo product (8, 12, 13 or 14 digits with a valid check digit).")
    var gtin = "06901234567892"

    @Option(help: "Lot (batch) number, at most 20 characters of GS1 CSET 82.")
    var lot = "L" + StationDate.today(format: "yyyyMMdd")

    @Option(help: ArgumentHelp("Dots per module for the gallery of bare symbols.", valueName: "DOTS"))
    var module = 4

    func validate() throws {
        guard (1...100_000).contains(count) else { throw ValidationError("--count must be 1–100000 (got \(count))") }
        guard (1...40).contains(module) else { throw ValidationError("--module must be 1–40 dots (got \(module))") }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let date = StationDate.today(format: "yyMMdd")
        let builder = try GS1ItemCodeBuilder(gtin: gtin, lot: lot, productionDate: date)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let labelFolder = "\(out)/labels"
        try? FileManager.default.removeItem(atPath: labelFolder)
        let reporting = try DemoReporting(folder: out)
        let ledger = reporting.ledger
        let batch = try await ledger.createBatch(BatchSpec(gtin: gtin, lot: lot, productionDate: date, quantity: count))

        // The drill: paper out after ~40% of the labels; one label at ~70% comes out unreadable.
        let drill = DemoDrill(count: count)
        let settings = LineSettings(id: "line-1")
        let workflow = try await LineWorkflow.start(settings: settings, ledger: ledger, labelFolder: labelFolder,
                                                    options: .init(printerFaults: drill.faults))
        print("TraceStation demo: GTIN \(builder.gtin.gtin14), lot \(lot), production date \(date)")
        print("Line \(settings.id): template \(settings.template), device \(settings.device), on a virtual printer started in-process "
            + "(ZPL over TCP on loopback); every label verified from the printer's render; batch \(batch.id) in \(out)/ledger.sqlite")
        print("Drill: paper runs out after label \(drill.paperOutAfter); label \(drill.damagedLabel) comes out with its QR code wiped\n")

        let progress = DemoProgress(total: count)
        let watcher = Task { await progress.follow(workflow, drill: drill) }
        let status: LineStatus
        do {
            status = try await workflow.run(batch: batch.id, count: count)
        } catch {
            await workflow.close()
            throw error
        }
        let odometer = await workflow.virtualPrinter?.odometer ?? 0
        await workflow.close()
        let events = await watcher.value
        let printSeconds = (ContinuousClock.now - started).milliseconds / 1000

        for event in events { print(event) }
        print(String(format: "Printed %d labels in %.1f s (%.0f labels/s): %d verified pass, %d failed and voided, %d unconfirmed",
                     odometer, printSeconds, Double(odometer) / max(printSeconds, 0.001), status.verifiedPass, status.voided, status.unconfirmed))
        let records = try await ledger.reportableRecords(batch: batch.id, destination: nil)
        for void in records.voids {
            print("  voided \(void.value)\n    (\(void.reason))\n    reprinted as \(void.replacedBy ?? "nothing")")
        }

        let signer = CheckpointSigner()
        let checkpoint = try await ledger.close(batch: batch.id, signer: signer, override: nil)
        print("\nBatch \(batch.id) closed with a checkpoint signed at ledger event \(checkpoint.lastSeq).")
        let reported = try await reporting.report(batch: batch.id)
        let counts = try await ledger.reconcile(batch: batch.id)
        try Data(counts.html.utf8).write(to: URL(fileURLWithPath: "\(out)/reconciliation.html"))
        try Data(counts.csv.utf8).write(to: URL(fileURLWithPath: "\(out)/reconciliation.csv"))
        try Data((counts.json + "\n").utf8).write(to: URL(fileURLWithPath: "\(out)/reconciliation.json"))
        print("\n" + counts.table)
        let audit = try await ledger.verifyAudit(trustedKey: signer.publicKey)
        print("\nAudit: \(audit.summary)")

        var symbolsRead = true
        if let first = records.codes.first {
            print("\nThe first code as bare symbols, read back from \(out)/symbols/:")
            symbolsRead = try DemoSymbols.show(code: try builder.code(serial: Self.serial(of: first.value)), gtin14: builder.gtin.gtin14,
                                               lot: lot, folder: "\(out)/symbols", moduleSize: module)
        }

        var failures: [String] = []
        if status.state != .idle { failures.append("the line ended \(status.state)") }
        if status.good != count { failures.append("\(status.good) good labels, not \(count)") }
        if odometer != counts.verifiedPass + counts.voided {
            failures.append("the printer printed \(odometer) labels, not verified pass \(counts.verifiedPass) + voided \(counts.voided)")
        }
        if counts.verifiedPass != count { failures.append("\(counts.verifiedPass) verified pass in the ledger, not \(count)") }
        if !counts.isBalanced { failures.append("the batch does not balance: " + counts.problems.joined(separator: "; ")) }
        if !reported { failures.append("the receiver does not hold exactly the good codes and the voids") }
        if !audit.isIntact { failures.append("the audit found: " + audit.findings.joined(separator: "; ")) }
        if !symbolsRead { failures.append("a bare symbol did not read back exactly") }

        print("\nFiles in \(out)/: labels/label-<n>.png (\(odometer) printed labels) and labels.jsonl, reconciliation.html/.csv/.json, "
            + "epcis.jsonld, ledger.sqlite, platform-sim/, symbols/")
        let total = (ContinuousClock.now - started).milliseconds / 1000
        if failures.isEmpty {
            print(String(format: "All checks passed in %.1f s: printed = verified pass + voided, the batch balances, "
                + "the receiver holds exactly the good codes, the audit verifies.", total))
        } else {
            print("FAILED: " + failures.joined(separator: "; "))
            throw ExitCode(1)
        }
    }

    /// The serial (AI 21) of a Digital Link URI.
    static func serial(of uri: String) -> String {
        guard let range = uri.range(of: "/21/") else { return "" }
        return String(uri[range.upperBound...].prefix { $0 != "?" && $0 != "/" })
    }
}
