import Foundation
import Labels
import Ledger
import Printing
import Station
import TraceCodes
import Verification
import VirtualPrinter
import ZPL

/// The whole line, end to end, on virtual printers at unlimited speed: a batch in a fresh
/// SQLite ledger file, `LineWorkflow.run(batch:count:)` issuing its codes, rendering each label
/// to ZPL, printing it over loopback TCP to an in-process virtual printer, proving it printed
/// by the odometer and recording every step. Each run must then reconcile (every label printed
/// once, recorded, the batch balanced), so a rate counts only labels the books account for.
///
/// Beside the rates, each part of that path is timed alone on one thread, with the public
/// calls the line makes, to say where the time goes.
final class LineBench {
    /// One way of running the line.
    struct Setup {
        let name: String
        let lines: Int
        let verifies: Bool
        let labelsInPrinter: Int
        /// Good labels per line.
        let labels: Int

        var json: String { "\(lines)-line\(lines > 1 ? "s" : "")-\(verifies ? "verified" : "unverified")-window-\(labelsInPrinter)" }
    }

    /// A part of a label's path, timed alone.
    enum Part: String, CaseIterable {
        case issue = "issue codes (ledger, blocks of 256)"
        case label = "label to ZPL (layout, raster, ^GF Z64)"
        case print = "print over loopback, odometer-confirmed (window 256, render off)"
        case record = "record sent + printed (ledger, group commit)"
        case verify = "printer render + decode + grade (verification only)"
    }

    /// Labels on the reference line, the one the target is for: a station driving a printer
    /// as fast as it can take labels keeps a window of them in it.
    static let referenceWindow = 256
    static let defaultWindow = LineSettings(id: "").labelsInPrinter

    let folder: String
    let setups: [Setup]
    /// Labels per second of each setup, one per trial.
    private(set) var rates: [[Double]]
    /// Microseconds per label of each part, one per trial.
    private(set) var parts: [Part: [Double]] = [:]
    private var runs = 0

    /// `labels` good labels for each one-line setup; the parallel lines share them; the verified
    /// line, which draws and decodes each label, prints a twentieth of them.
    init(labels: Int, lines: Int, folder: String) {
        self.folder = folder
        let verified = max(1, labels / 20)
        setups = [
            Setup(name: "1 line, no verification, labels_in_printer \(Self.referenceWindow)", lines: 1, verifies: false,
                  labelsInPrinter: Self.referenceWindow, labels: labels),
            Setup(name: "1 line, no verification, labels_in_printer \(Self.defaultWindow) (default)", lines: 1, verifies: false,
                  labelsInPrinter: Self.defaultWindow, labels: labels),
            Setup(name: "1 line, verified from the printer's renders, labels_in_printer \(Self.referenceWindow)", lines: 1, verifies: true,
                  labelsInPrinter: Self.referenceWindow, labels: verified),
            Setup(name: "\(lines) lines in parallel, no verification, labels_in_printer \(Self.referenceWindow)", lines: lines, verifies: false,
                  labelsInPrinter: Self.referenceWindow, labels: max(1, labels / lines)),
            Setup(name: "\(lines) lines in parallel, no verification, labels_in_printer \(Self.defaultWindow) (default)", lines: lines,
                  verifies: false, labelsInPrinter: Self.defaultWindow, labels: max(1, labels / lines)),
        ]
        rates = setups.map { _ in [] }
    }

    /// Microseconds per label on the reference line (the first setup) in each trial so far.
    var referenceMicroseconds: [Double] { rates[0].map { 1e6 / $0 } }

    /// Runs every setup once, then times the parts.
    func trial() async throws {
        for (index, setup) in setups.enumerated() {
            rates[index].append(try await run(setup))
        }
        for (part, micros) in try await timeParts(labels: min(setups[0].labels, 5000)) {
            parts[part, default: []].append(micros)
        }
    }

    /// Labels a second over all lines of `setup`, from the first `run` until the last returns.
    private func run(_ setup: Setup) async throws -> Double {
        runs += 1
        let here = "\(folder)/run-\(runs)"
        try FileManager.default.createDirectory(atPath: here, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: here) }
        let ledger = try SQLiteLedger(path: "\(here)/ledger.sqlite", station: "bench")
        var lines: [(workflow: LineWorkflow, batch: Batch)] = []
        for number in 1...setup.lines {
            let batch = try await ledger.createBatch(try Self.spec(lot: "E2E\(number)", quantity: setup.labels))
            let settings = LineSettings(id: "line-\(number)", verification: setup.verifies ? .printerRenders : .none,
                                        labelsInPrinter: setup.labelsInPrinter)
            let workflow = try await LineWorkflow.start(settings: settings, ledger: ledger, labelFolder: "\(here)/labels-\(number)")
            lines.append((workflow, batch))
        }
        let clock = ContinuousClock()
        let start = clock.now
        let statuses = try await withThrowingTaskGroup(of: (Int, LineStatus).self) { group in
            for (index, line) in lines.enumerated() {
                group.addTask { (index, try await line.workflow.run(batch: line.batch.id, count: setup.labels)) }
            }
            var statuses = [LineStatus?](repeating: nil, count: lines.count)
            for try await (index, status) in group { statuses[index] = status }
            return statuses.compactMap { $0 }
        }
        let elapsed = clock.now - start
        for (line, status) in zip(lines, statuses) {
            let odometer = await line.workflow.virtualPrinter?.odometer ?? 0
            await line.workflow.close()
            try await Self.check(status, odometer: odometer, batch: line.batch.id, of: setup, in: ledger)
        }
        return Double(setup.lines * setup.labels) / (elapsed.milliseconds / 1e3)
    }

    /// Fails unless the run printed exactly its labels, once each, and the ledger shows them all.
    private static func check(_ status: LineStatus, odometer: Int, batch: Int64, of setup: Setup, in ledger: SQLiteLedger) async throws {
        let counts = try await ledger.reconcile(batch: batch)
        var problems: [String] = []
        if status.state != .idle { problems.append("the line ended \(status.state)") }
        if status.good != setup.labels { problems.append("\(status.good) good labels, not \(setup.labels)") }
        // Verified labels settle as verified pass; without verification they stay printed.
        let good = setup.verifies ? counts.verifiedPass : counts.printedConfirmed
        if good != setup.labels { problems.append("the ledger holds \(good) good labels, not \(setup.labels)") }
        if odometer != counts.printed + counts.voided {
            problems.append("the printer printed \(odometer) labels, the ledger printed \(counts.printed) + voided \(counts.voided)")
        }
        if counts.issued != counts.printed + counts.voided + counts.unused + counts.sent || counts.sent > 0 || counts.unconfirmed > 0 {
            problems.append("the batch does not balance: \(counts.problems.joined(separator: "; "))")
        }
        if setup.verifies, !counts.isBalanced { problems.append("the batch does not balance: \(counts.problems.joined(separator: "; "))") }
        guard problems.isEmpty else { throw BenchError("\(setup.name), batch \(batch): " + problems.joined(separator: "; ")) }
    }

    private static func spec(lot: String, quantity: Int) throws -> BatchSpec {
        try BatchSpec(gtin: "06901234567892", lot: lot, productionDate: "250301", quantity: quantity, overagePercent: 10)
    }

    /// Microseconds per label of each part, over `count` labels (a twentieth for verification).
    private func timeParts(labels count: Int) async throws -> [Part: Double] {
        runs += 1
        let here = "\(folder)/parts-\(runs)"
        try FileManager.default.createDirectory(atPath: here, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: here) }
        let ledger = try SQLiteLedger(path: "\(here)/ledger.sqlite", station: "bench")
        let batch = try await ledger.createBatch(try Self.spec(lot: "PARTS", quantity: count))
        var result: [Part: Double] = [:]
        let clock = ContinuousClock()

        var codes: [IssuedCode] = []
        var start = clock.now
        while codes.count < count {
            codes += try await ledger.issue(batch: batch.id, count: min(256, count - codes.count))
        }
        result[.issue] = (clock.now - start).microseconds / Double(count)

        let labels = try LineLabelWorkload(batch: batch)
        var formats: [[UInt8]] = []
        formats.reserveCapacity(count)
        start = clock.now
        var hashed = 0
        for code in codes {
            let label = try labels.label(for: code)
            formats.append(label.format)
            hashed &+= label.hash.count
        }
        precondition(hashed > 0, "no label was hashed")
        result[.label] = (clock.now - start).microseconds / Double(count)

        // As the line's link runs: its window fixed at the line's labels in the printer.
        var link = PrinterLink.Configuration(window: Self.referenceWindow)
        link.maximumWindow = link.window
        let printing = try await LoopbackPrintWorkload(formats: formats, padded: false, link: link)
        result[.print] = try await printing.run(jobs: count)
        try await printing.stop()

        // As the line records them: the link's moves of one batch of jobs, sent then printed.
        let group = Self.referenceWindow / 2
        start = clock.now
        for index in stride(from: 0, to: count, by: group) {
            let slice = codes[index..<min(count, index + group)]
            try await ledger.record(slice.map { LabelChange(code: $0.value, event: .sent, batch: batch.id) })
            try await ledger.record(slice.map { LabelChange(code: $0.value, event: .printed, batch: batch.id) })
        }
        result[.record] = (clock.now - start).microseconds / Double(count)

        let verified = max(10, count / 20)
        let check = try PrinterRenderCheck()
        start = clock.now
        for (code, format) in zip(codes, formats).prefix(verified) {
            guard try check.verify(format, expected: Array(code.value.utf8)) else {
                throw BenchError("the printer's render of \(code.value) did not read back")
            }
        }
        result[.verify] = (clock.now - start).microseconds / Double(verified)
        return result
    }

    func printReport(json: Bool) throws {
        let rateMedians = rates.map(Self.median)
        if json {
            for (setup, samples) in zip(setups, rates) {
                let object: [String: Any] = [
                    "step": "line-end-to-end", "setup": setup.json, "lines": setup.lines, "labels_per_line": setup.labels,
                    "labels_per_second": Self.median(samples).rounded(), "min": samples.min()!.rounded(), "max": samples.max()!.rounded(),
                ]
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            }
            for part in Part.allCases {
                let object: [String: Any] = ["step": "line-end-to-end-part", "part": part.rawValue, "us_per_label": Self.median(parts[part]!)]
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            }
            return
        }
        print("\nLine end to end: fresh SQLite ledger per run, virtual printers on loopback at unlimited speed, "
            + "\(rates[0].count) trials (median, min–max); each run reconciled")
        let rows = [["setup", "labels", "labels/s", "min–max", "µs/label"]] + zip(setups, rates).map { setup, samples in
            [setup.name, "\(setup.lines) × \(setup.labels)", String(Int(Self.median(samples).rounded())),
             "\(Int(samples.min()!.rounded()))–\(Int(samples.max()!.rounded()))", String(format: "%.1f", 1e6 / Self.median(samples))]
        }
        Self.printTable(rows)
        print("\nWhere a label's time goes: each part alone on one thread (median µs/label), against the reference line's "
            + String(format: "%.1f µs/label", 1e6 / rateMedians[0]))
        let unverified = Part.allCases.filter { $0 != .verify }
        let sum = unverified.map { Self.median(parts[$0]!) }.reduce(0, +)
        let partRows = [["part", "µs/label", "share of the parts"]] + Part.allCases.map { part in
            let micros = Self.median(parts[part]!)
            return [part.rawValue, String(format: "%.1f", micros), part == .verify ? "-" : String(format: "%.0f%%", micros / sum * 100)]
        } + [["sum of the parts without verification", String(format: "%.1f", sum), "100%"]]
        Self.printTable(partRows)
        print("The parts run concurrently in the line: each hand-off's labels are rendered side by side, one renderer per "
            + "core, while the ledger, the link and the printer work on their own threads; so the line's time per label is "
            + "below their sum, and below the rendering part alone on 2 cores.")
    }

    private static func printTable(_ rows: [[String]]) {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// The line's label step as `LineLabels.label(for:of:)` takes it, with public calls: the
/// batch's values and the code's fields over the template's sample, laid out, rendered to ZPL
/// and hashed for matching the printer's render.
struct LineLabelWorkload {
    let renderer: LabelRenderer
    let values: FieldValues
    let builder: GS1ItemCodeBuilder
    let domain: String

    init(batch: Batch) throws {
        let settings = LineSettings(id: "bench")
        let library = LabelLibrary.standard()
        let template = try library.template(settings.template)
        renderer = try LabelRenderer(template: template, device: try library.device(settings.device))
        var batchValues = ["batch.lot": batch.spec.lot]
        if let date = batch.spec.productionDate { batchValues["batch.date"] = date }
        values = template.sample.merging(FieldValues(batchValues))
        builder = try GS1ItemCodeBuilder(gtin: batch.spec.gtin, lot: batch.spec.lot, productionDate: batch.spec.productionDate)
        domain = batch.spec.domain
    }

    func label(for code: IssuedCode) throws -> (format: [UInt8], hash: String) {
        let filled = values.merging(try FieldValues(code: try builder.code(serial: code.serial), domain: domain))
        let format = try renderer.zpl(of: renderer.layout(filled)).bytes
        return (format, VirtualPrinter.formatHash(format))
    }
}

/// What verification from the printer's renders does with each label: the virtual printer
/// draws its ZPL, and the QR is decoded (by a fresh decoder each time) and graded as
/// `LabelCheck` does.
struct PrinterRenderCheck {
    let renderer: FormatRenderer

    init() throws {
        renderer = FormatRenderer(dotsPerMillimetre: 8, fonts: try PrinterFonts.installed())
    }

    /// Whether the label drawn from `format` reads back as `expected` and can be graded.
    func verify(_ format: [UInt8], expected: [UInt8]) throws -> Bool {
        var parser = ZPLStreamParser()
        var memory = PrinterMemory()
        guard case let .format(script)? = parser.feed(format).first,
              let drawn = renderer.render(script, memory: &memory) else { return false }
        let image = drawn.bitmap.grayImage()
        guard let symbol = try BarcodeDecoder(options: .init(symbologies: [.qr])).decode(image).first, symbol.bytes == expected else { return false }
        return QualityGrader.grade(symbol, in: image) != nil
    }
}
