import Foundation
import Ledger
import Logging
import Station
import StationHTTP
import TraceCodes
import VirtualPrinter

/// A production day squeezed into minutes: a whole station (its lines each on a virtual
/// printer over loopback, verifying from the printer's renders) serving its API for real,
/// one batch per line created and started through that API, API clients polling throughout,
/// and, on random lines at random points of their runs, paper outs, dropped printer
/// connections, unreadable labels and kills (a line stopped abruptly and started again from
/// the run journal). The run then proves what the station promises: no code printed twice,
/// none lost, every batch reconciled (labels in doubt flagged, counted and closed only by a
/// lead's override), the audit chain intact; and it measures the API's latency under the load.
///
/// Everything random comes from `seed`: the same seed plans the same faults on the same
/// lines at the same points of their runs, so a failure can be run again.
struct StationLoad {
    /// Good labels to print, over all lines.
    var labels = 50_000
    var lines = 8
    var seed: UInt64
    /// API clients polling while the lines print, each as a dashboard or a supervisory system would.
    var clients = 6
    /// Longest the lines may take; far above what the run needs, so only a stuck line meets it.
    var deadline: Duration

    static let gtin = "06901234567892"
    static let token = "lead-token-station-load-0001"

    init(labels: Int = 50_000, lines: Int = 8, seed: UInt64) {
        self.labels = labels
        self.lines = lines
        self.seed = seed
        // A label takes milliseconds; a hundred of them per label is ample on any machine.
        deadline = .seconds(120) + .milliseconds(100 * labels)
    }

    /// The labels each line's batch asks for: the total split as evenly as it goes.
    var quantities: [Int] {
        (0..<lines).map { labels / lines + ($0 < labels % lines ? 1 : 0) }
    }

    /// Runs the load in `folder` (ledger, journal, label images) and returns what it found.
    func run(in folder: String) async throws -> StationLoadResult {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ledgerPath = folder + "/station.sqlite"
        let ledger = try SQLiteLedger(path: ledgerPath, station: "LOAD-01")
        let journal = try LineRunJournal(ledgerPath: ledgerPath)
        let signer = CheckpointSigner()
        let quiet = Logger(label: "tracestation.load") { _ in SwiftLogNoOpLogHandler() }
        let lineSettings = (1...lines).map { LineSettings(id: "line-\($0)") }
        let settings = StationSettings(stationID: "LOAD-01", ledgerPath: ledgerPath, lines: lineSettings,
                                       users: [.init(name: "Load Lead", role: .lead, token: Self.token)], outputDirectory: folder + "/out")
        let runtime = await StationRuntime.start(settings: settings, ledger: ledger, signer: signer, journal: journal, logger: quiet)
        guard runtime.lines.count == lines else { throw BenchError("only \(runtime.lines.count) of \(lines) lines started") }

        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let serving = Task { try await runtime.run(host: "127.0.0.1", port: 0, onListening: { listening.yield($0) }) }
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else { throw BenchError("the station's API did not start") }
        let api = LoadAPI(port: port, token: Self.token)
        var random = SplitMix64(seed: seed)
        let plans = FaultPlan.plans(quantities: quantities, kills: max(1, labels / 12_500), using: &random)

        var result = StationLoadResult(seed: seed, labels: labels, lines: lines)
        var polling: APIPollers.Running?
        do {
            var batches: [Int64] = []
            for (index, quantity) in quantities.enumerated() {
                batches.append(try await api.createBatch(lot: "LOAD\(seed % 10_000)L\(index + 1)", quantity: quantity))
            }
            let clock = ContinuousClock()
            let start = clock.now
            for (index, line) in lineSettings.enumerated() {
                try await api.startLine(line.id, batch: batches[index], count: quantities[index])
            }
            polling = APIPollers(api: api, lines: lineSettings.map(\.id), batches: batches, seed: seed).start(clients)
            // A line started again after a kill is set up as the station set up the one it replaces.
            let options = LineWorkflow.Options(journal: journal, logger: quiet)
            let outcomes = try await withDeadline(deadline) {
                try await withThrowingTaskGroup(of: (Int, LineOutcome).self) { group in
                    for (index, workflow) in runtime.lines.enumerated() {
                        let plan = plans[index], folder = "\(settings.outputDirectory)/\(workflow.settings.id)"
                        group.addTask {
                            var driver = LineDriver(workflow: workflow, plan: plan, ledger: ledger, options: options, folder: folder)
                            return (index, try await driver.drive())
                        }
                    }
                    var outcomes: [(Int, LineOutcome)] = []
                    for try await outcome in group { outcomes.append(outcome) }
                    // In the station's order, which is the batches' order.
                    return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
                }
            }
            result.elapsed = clock.now - start
            result.latency = await polling!.stop()
            result.outcomes = outcomes
            try await result.check(batches: batches, quantities: quantities, ledger: ledger, api: api, signer: signer)
            for outcome in outcomes where !runtime.lines.contains(where: { $0 === outcome.workflow }) { await outcome.workflow.close() }
        } catch {
            _ = await polling?.stop()
            serving.cancel()
            _ = await serving.result
            try? await api.shutdown()
            throw error
        }
        serving.cancel()
        if case .failure(let error) = await serving.result, !(error is CancellationError) { throw error }
        try await api.shutdown()
        return result
    }
}

/// `body`'s result, or a failure once `limit` has passed.
func withDeadline<Value: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
    try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let value = try await group.next() ?? nil else {
            throw BenchError("the lines did not finish within \(limit): one is stuck; see its state in the API")
        }
        return value
    }
}
