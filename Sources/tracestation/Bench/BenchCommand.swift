import ArgumentParser
import Foundation
import Imaging
import Verification

/// Quick timings of the station's per-label work, side by side with the C lower bounds.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time QR encoding, QR to PNG, label decoding, printing and the whole line, beside the in-process C lower bounds.",
        discussion: """
            Each step is timed over several trials and the median is reported. With --anchors, \
            the C probes in that folder (shared/bench/anchors: libqrencode, libpng and libzbar \
            called directly) are built with gcc and run in the same loop, trial by trial, on the \
            same payloads and the same label file, and each step gets a ratio: the station's time \
            over the C time. Targets are a ratio of at most 1.2, or a rate. Print jobs go through \
            the printer link, in its default configuration, to an in-process virtual printer on \
            loopback (render off), each proven printed by the odometer, beside a C client pushing the same bytes to a C sink: on one \
            connection (the transport ceiling, the target) and with a new connection per job. Build \
            in release mode first (`make bench` does). For the statistical suite see Benchmarks/.

            line-end-to-end runs the whole line workflow, each run on a fresh SQLite ledger file in \
            a temporary folder: a batch is created, then `run` prints --line-labels good labels, \
            each issued, rendered to ZPL (the line's product-60x40 template on virtual-203), sent \
            over loopback TCP to an in-process virtual printer at unlimited speed, proven printed \
            by its odometer and recorded. Its setups side by side: one line without verification \
            (the printer counts and does not draw: the software path alone) with 256 labels in \
            the printer and with the default 16; one line verified from the printer's renders \
            (drawn, decoded, graded; a twentieth of the labels); and --parallel-lines lines at \
            once, each with its own batch and printer, sharing the labels and the ledger. Every \
            run must reconcile (the odometer, the line's counts and the ledger agree; the batch \
            balances) or the bench fails. Below, where the time goes: each part of a label's \
            path timed alone on one thread. The table's row is the first setup; the target is \
            2,000 labels a second, so that software is never the line's bottleneck.
            """
    )

    @Option(help: "Trials per step; the median is reported.")
    var trials = 5

    @Option(help: "Labels per trial for the encoding steps.")
    var labels = 2000

    @Option(help: "Decodes per trial for the decoding step.")
    var decodes = 60

    @Option(help: "Print jobs per trial for the loopback printing step: enough that the link settles at the printer's pace.")
    var jobs = 100_000

    @Option(help: ArgumentHelp("Folder of the C lower-bound probes (shared/bench/anchors).", valueName: "DIR"))
    var anchors: String?

    @Option(help: ArgumentHelp(
        "Time only this step, named as in --json (repeatable); all steps but station-load by default. station-load runs alone.",
        valueName: "STEP"))
    var only: [Step] = []

    @Option(help: ArgumentHelp("Good labels per run of the line-end-to-end step (shared by the parallel lines).", valueName: "N"))
    var lineLabels = 20_000

    @Option(help: ArgumentHelp("Lines run at once in the line-end-to-end step's parallel setups.", valueName: "N"))
    var parallelLines = 8
    @Option(help: "Good labels over all eight lines for station-load.")
    var loadLabels = 50_000

    @Option(help: "Seed of station-load's faults and API clients; random when not given, and printed either way.")
    var seed: UInt64?

    @Flag(help: "Print one JSON object per step instead of a table.")
    var json = false

    @Option(help: ArgumentHelp(
        "Also time the ledger with a batch of this many codes (issuance, group-committed events, reconciliation, audit) beside the sqlite3 shell; 0 skips it.",
        valueName: "N"))
    var ledgerCodes = 0

    @Option(help: ArgumentHelp(
        "Also time a plant: 8 stations issuing this many codes in all from leases on one PostgreSQL, beside one station on SQLite, and the replay of 100,000 steps buffered offline; 0 skips it. Needs --postgres-url.",
        valueName: "N"))
    var plantCodes = 0

    @Option(help: ArgumentHelp(
        "The PostgreSQL server for --plant-codes (default: $TRACESTATION_TEST_POSTGRES_URL, which scripts/postgres-test-server.sh sets); a new database is made on it.",
        valueName: "URL"))
    var postgresURL: String?

    @Option(help: ArgumentHelp(
        "Seconds the plant's server is stopped in the middle of the --plant-codes outage drill (run under scripts/postgres-test-server.sh, which can stop it); 0 skips the drill.",
        valueName: "SECONDS"))
    var plantOutageSeconds = 60

    @Option(help: ArgumentHelp("Also time reporting a batch of this many codes to an in-process reference receiver on loopback; 0 skips it.",
                               valueName: "N"))
    var reportCodes = 100_000

    func validate() throws {
        guard trials >= 1, labels >= 1, decodes >= 1, jobs >= 1, lineLabels >= 1, parallelLines >= 1 else {
            throw ValidationError("--trials, --labels, --decodes, --jobs, --line-labels and --parallel-lines must be at least 1")
        }
        guard ledgerCodes >= 0, reportCodes >= 0 else { throw ValidationError("--ledger-codes and --report-codes must be 0 or more") }
        guard !only.contains(.stationLoad) || only == [.stationLoad] else { throw ValidationError("station-load runs alone; time it with --only station-load") }
        guard plantCodes >= 0, plantOutageSeconds >= 0 else { throw ValidationError("--plant-codes and --plant-outage-seconds must be 0 or more") }
        if plantCodes > 0, plantServer == nil {
            throw ValidationError("--plant-codes needs a PostgreSQL server: --postgres-url, or run under scripts/postgres-test-server.sh run")
        }
        guard loadLabels >= 8 else { throw ValidationError("--load-labels must be at least 8, one per line") }
    }

    func run() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tracestation-bench-\(getpid())").path
        // A whole station for minutes, with checks of its own: not a step timed among the others.
        if only == [.stationLoad] {
            let load = StationLoad(labels: loadLabels, seed: seed ?? .random(in: 0...UInt64.max))
            return try await StationLoadBench(load: load).run(in: scratch + "/station-load", json: json)
        }
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let labelPath = "\(scratch)/label_qr_600x400.png"
        try ImageFile.write(try PNG.encode(try BenchWorkloads.label()), to: labelPath)

        let probes = try anchors.map { try AnchorProbes.build(from: $0, into: "\(scratch)/bin") }
        var samples: [Step: (ours: [Double], anchor: [Double])] = [:]
        var serial: UInt64 = 0
        let decoder = try BarcodeDecoder(options: .init(symbologies: [.qr]))
        let expected = Array(BenchWorkloads.payload(serial: 0).utf8)
        let labelBytes = try ImageFile.readBytes(path: labelPath)
        let product = try ProductLabelWorkload()
        // Distinct serials, so no two jobs in a row are the same bytes.
        let productFormats = try (0..<64).map { try product.renderer.zpl(product.values(serial: UInt64($0))).bytes }
        let printing = try await LoopbackPrintWorkload(formats: productFormats)
        let printerRender = try PrinterRenderWorkload(formats: productFormats)

        var steps = only.isEmpty ? Step.allCases.filter { $0 != .stationLoad } : Step.allCases.filter(only.contains)
        // The camera frame comes from the anchors' generator, and its anchor is zxing-cpp.
        if anchors == nil, steps.contains(.cameraFrame) {
            if !only.isEmpty { throw ValidationError("--only \(Step.cameraFrame.rawValue) needs --anchors: the frame is made by its mkimages.py") }
            steps.removeAll { $0 == .cameraFrame }
        }
        let camera = try steps.contains(.cameraFrame) ? CameraFrameWorkload(anchors: anchors!, folder: scratch) : nil
        let timesPrinting = steps.contains(.printJobs) || steps.contains(.printJobsPerConnection)
        let line = steps.contains(.lineEndToEnd) ? LineBench(labels: lineLabels, lines: parallelLines, folder: scratch + "/line") : nil
        for _ in 0..<trials {
            // Station and probe alternate within each trial, so drift hits both alike.
            if steps.contains(.encode) {
                samples[.encode, default: ([], [])].ours.append(try timePerLabel(labels) {
                    serial += 1
                    return try BenchWorkloads.encode(serial: serial).size
                })
            }
            if steps.contains(.qrPNG) {
                samples[.qrPNG, default: ([], [])].ours.append(try timePerLabel(labels) {
                    serial += 1
                    return try BenchWorkloads.qrPNG(serial: serial).count
                })
            }
            var scan: [Double] = [], total: [Double] = []
            for _ in 0..<(steps.contains(.decode) || steps.contains(.loadAndDecode) ? decodes : 0) {
                let clock = ContinuousClock()
                let start = clock.now
                let image = try PNG.decode(labelBytes)
                let loaded = clock.now
                let symbols = try decoder.decode(image)
                let end = clock.now
                guard symbols.first?.bytes == expected else { throw BenchError("the bench label did not decode to its payload") }
                scan.append((end - loaded).milliseconds)
                total.append((end - start).milliseconds)
            }
            if steps.contains(.productZPL) {
                samples[.productZPL, default: ([], [])].ours.append(try timePerLabel(labels) {
                    serial += 1
                    return try product.renderer.zpl(product.values(serial: serial)).bytes.count
                })
            }
            if steps.contains(.productPNG) {
                samples[.productPNG, default: ([], [])].ours.append(try timePerLabel(max(1, labels / 10)) {
                    serial += 1
                    return try product.renderer.png(product.values(serial: serial)).count
                })
            }
            if timesPrinting {
                let perJob = try await printing.run(jobs: jobs)
                samples[.printJobs, default: ([], [])].ours.append(perJob)
                samples[.printJobsPerConnection, default: ([], [])].ours.append(perJob)
            }
            if steps.contains(.printerRender) {
                var rendered = 0
                samples[.printerRender, default: ([], [])].ours.append(try timePerLabel(max(1, labels / 10)) {
                    rendered += 1
                    return try printerRender.render(rendered)
                })
            }
            if let line {
                try await line.trial()
                samples[.lineEndToEnd, default: ([], [])].ours = line.referenceMicroseconds
            }
            if let camera {
                samples[.cameraFrame, default: ([], [])].ours.append(median(try (0..<max(3, decodes / 4)).map { _ in try camera.decodeAndMatch() }))
                samples[.cameraFrame]!.anchor.append(try camera.zxingDecode(iterations: max(3, decodes / 4)))
            }
            if !scan.isEmpty {
                samples[.decode, default: ([], [])].ours.append(median(scan))
                samples[.loadAndDecode, default: ([], [])].ours.append(median(total))
            }
            if let probes {
                if steps.contains(.encode) { samples[.encode]!.anchor.append(try probes.qrEncode(labels: labels)) }
                if [.qrPNG, .productZPL, .productPNG].contains(where: steps.contains) {
                    let qrPNG = try probes.qrPNG(labels: labels)
                    // Whole labels have no C counterpart; they are set beside the QR-to-PNG bound.
                    for step in [Step.qrPNG, .productZPL, .productPNG] where steps.contains(step) {
                        samples[step, default: ([], [])].anchor.append(qrPNG)
                    }
                }
                if !scan.isEmpty {
                    let c = try probes.decode(file: labelPath, iterations: decodes)
                    samples[.decode]!.anchor.append(c.scan)
                    samples[.loadAndDecode]!.anchor.append(c.total)
                }
                if timesPrinting {
                    let jobBytes = LoopbackPrintWorkload.jobBytes
                    samples[.printJobs]!.anchor.append(try probes.tcpJobs(.stream, jobBytes: jobBytes, seconds: 0.5))
                    samples[.printJobsPerConnection]!.anchor.append(try probes.tcpJobs(.conn, jobBytes: jobBytes, seconds: 0.5))
                }
            }
        }
        try await printing.stop()

        let results = steps.map { step in
            BenchResult(step: step, ours: median(samples[step]!.ours), anchor: samples[step]!.anchor.isEmpty ? nil : median(samples[step]!.anchor))
        }
        if json {
            for result in results { print(try result.jsonLine()) }
        } else {
            print("TraceStation bench: \(trials) trials, medians; \(labels) labels, \(decodes) decodes and \(jobs) print jobs per trial")
            print(probes == nil ? "(no --anchors: station figures only)\n" : "C lower bounds built from \(anchors!) and run in the same loop\n")
            BenchResult.printTable(results)
        }
        try line?.printReport(json: json)
        if ledgerCodes > 0 {
            if !json { print("\nLedger: a batch of \(ledgerCodes) codes, durable commits") }
            try await LedgerBench(codes: ledgerCodes, block: 10_000, events: min(100_000, ledgerCodes), callers: 64)
                .run(in: scratch + "/ledger", json: json)
        }
        if plantCodes > 0, let plantServer {
            if !json { print("\nPlant: stations sharing one PostgreSQL ledger") }
            let control = plantOutageSeconds > 0 ? ProcessInfo.processInfo.environment["TRACESTATION_TEST_POSTGRES_CONTROL"] : nil
            try await PlantLedgerBench(codes: plantCodes, postgresURL: plantServer, serverControl: control, outageSeconds: plantOutageSeconds)
                .run(in: scratch + "/plant", json: json)
        }
        if reportCodes > 0 {
            if !json { print("\nReporting: a batch of \(reportCodes) codes to the reference receiver, loopback HTTP") }
            try await ReportBench(codes: reportCodes).run(in: scratch + "/report", json: json)
        }
    }

    private var plantServer: String? {
        postgresURL ?? ProcessInfo.processInfo.environment["TRACESTATION_TEST_POSTGRES_URL"]
    }

    /// Mean microseconds per call of `body` over `count` calls; the results are summed so
    /// the optimiser cannot drop the work.
    private func timePerLabel(_ count: Int, _ body: () throws -> Int) throws -> Double {
        var sink = 0
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<count { sink &+= try body() }
        let elapsed = clock.now - start
        precondition(sink != 0, "bench produced nothing")
        return elapsed.microseconds / Double(count)
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// A timed step, its unit and its target: a ratio to the C lower bound, or a rate.
enum Step: String, CaseIterable, ExpressibleByArgument {
    case encode = "qr-encode"
    case qrPNG = "qr-to-png"
    case productZPL = "product-label-zpl"
    case productPNG = "product-label-png"
    case decode = "decode-label"
    case loadAndDecode = "load-and-decode-label"
    case cameraFrame = "decode-camera-frame"
    case printJobs = "print-jobs-loopback"
    case printJobsPerConnection = "print-jobs-loopback-vs-connection-per-job"
    case printerRender = "virtual-printer-render"
    case lineEndToEnd = "line-end-to-end"
    case stationLoad = "station-load"

    enum Target {
        /// At most this multiple of the C lower bound.
        case ratio(Double)
        /// At least this many labels a second, one core.
        case perSecond(Double)
        /// At least this share of the C probe's rate.
        case shareOfRate(Double)
    }

    var title: String {
        switch self {
        case .encode: "QR encode (67-char Digital Link, EC M)"
        case .qrPNG: "QR to 1-bit PNG in memory (5 dots/module, zlib 6)"
        case .productZPL: "60×40 product label to native ZPL (vs QR-to-PNG bound)"
        case .productPNG: "60×40 product label to PNG (vs QR-to-PNG bound)"
        case .decode: "decode 600×400 label, QR only (scan)"
        case .loadAndDecode: "read PNG + decode 600×400 label"
        case .cameraFrame: "1920×1080 camera frame, one QR: decode + match (vs zxing-cpp decode alone)"
        case .printJobs: "2 KB ZPL job to virtual printer, loopback, render off, confirmed (vs C raw TCP, one connection)"
        case .printJobsPerConnection: "same 2 KB ZPL jobs (vs C raw TCP, new connection per job; context only)"
        case .printerRender: "virtual printer draws the 60×40 product label's ZPL (203 dpi)"
        case .lineEndToEnd: "whole line: 1 line, no verification, 256 labels in the printer, SQLite, loopback (see below)"
        case .stationLoad: "8 lines, 50,000 labels, faults and kills; API p99 under the load"
        }
    }

    var unit: String { [.decode, .loadAndDecode, .cameraFrame].contains(self) ? "ms" : "µs" }

    /// Nil for a row shown only for context.
    var target: Target? {
        switch self {
        case .productZPL: .perSecond(20_000)
        case .productPNG: .perSecond(1_000)
        case .printerRender: .perSecond(500)
        case .lineEndToEnd: .perSecond(2_000)
        case .printJobs: .shareOfRate(0.5)
        case .printJobsPerConnection: nil
        case .cameraFrame: .ratio(1.0)
        case .loadAndDecode: .ratio(1.1)
        default: .ratio(1.2)
        }
    }

    /// Whether the C probe is a rate of jobs, so its share is worth showing beside the ratio.
    var comparesRates: Bool { self == .printJobs || self == .printJobsPerConnection }
}

struct BenchResult {
    let step: Step
    let ours: Double
    let anchor: Double?

    var ratio: Double? { anchor.map { ours / $0 } }

    /// The station's rate as a share of the C probe's.
    var shareOfRate: Double? { anchor.map { $0 / ours } }

    /// Labels a second at the measured time per label.
    var perSecond: Double { 1 / (step.unit == "ms" ? ours / 1e3 : ours / 1e6) }

    /// Whether the step met its target, or nil when the anchor it needs was not measured.
    var withinTarget: Bool? {
        switch step.target {
        case .ratio(let limit): ratio.map { $0 <= limit }
        case .perSecond(let floor): perSecond >= floor
        case .shareOfRate(let floor): shareOfRate.map { $0 >= floor }
        case nil: nil
        }
    }

    var targetText: String {
        switch step.target {
        case .ratio(let limit): "≤ \(limit)×"
        case .perSecond(let floor): "≥ \(Int(floor))/s"
        case .shareOfRate(let floor): "≥ \(Int(floor * 100))% of C rate"
        case nil: "none"
        }
    }

    func jsonLine() throws -> String {
        var object: [String: Any] = ["step": step.rawValue, "unit": step.unit, "tracestation": ours,
                                     "per_second": perSecond.rounded(), "target": targetText]
        if let anchor, let ratio {
            object["c_lower_bound"] = anchor
            object["ratio"] = (ratio * 1000).rounded() / 1000
            if step.comparesRates, let shareOfRate { object["share_of_c_rate"] = (shareOfRate * 1000).rounded() / 1000 }
        }
        if let withinTarget { object["within_target"] = withinTarget }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func printTable(_ results: [BenchResult]) {
        let header = ["step", "TraceStation", "per second", "C lower bound", "ratio", "target"]
        let rows = results.map { result in
            [result.step.title,
             format(result.ours, result.step.unit),
             String(Int(result.perSecond.rounded())),
             result.anchor.map { format($0, result.step.unit) } ?? "-",
             result.ratioText,
             result.targetText + (result.withinTarget.map { $0 ? " ok" : " MISSED" } ?? "")]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }

    private var ratioText: String {
        guard let ratio else { return "-" }
        guard step.comparesRates, let shareOfRate else { return String(format: "%.2f×", ratio) }
        return String(format: "%.2f× (%.1f%% of C rate)", ratio, shareOfRate * 100)
    }

    private static func format(_ value: Double, _ unit: String) -> String {
        String(format: unit == "µs" ? "%.1f %@" : "%.2f %@", value, unit)
    }
}
