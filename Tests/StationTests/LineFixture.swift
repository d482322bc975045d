import Foundation
import Ledger
import Logging
import Station
import Synchronization
import VirtualPrinter

/// A line on a fresh SQLite ledger in a temporary folder, printing on the real virtual
/// printer over loopback, with one open batch.
struct LineFixture {
    let folder: String
    let ledger: SQLiteLedger
    let workflow: LineWorkflow
    let batch: Batch
    /// The run journal beside the ledger, when the line keeps one.
    let journal: LineRunJournal?

    static func start(quantity: Int, faults: [String] = [], maximumConsecutiveFailures: Int = 3,
                      labelsInPrinter: Int = 4, logger: Logger? = nil, journaled: Bool = false,
                      configure: (inout LineSettings, _ folder: String) -> Void = { _, _ in }) async throws -> LineFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("station-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ledger = try SQLiteLedger(path: "\(folder)/ledger.sqlite", station: "test-station")
        let batch = try await ledger.createBatch(
            BatchSpec(gtin: "06901234567892", lot: "T\(quantity)", productionDate: "250301", quantity: quantity, overagePercent: 100))
        let journal = journaled ? try LineRunJournal(ledgerPath: "\(folder)/ledger.sqlite") : nil
        var settings = LineSettings(id: "line-t", maximumConsecutiveFailures: maximumConsecutiveFailures, labelsInPrinter: labelsInPrinter)
        configure(&settings, folder)
        let workflow = try await startLine(settings, ledger: ledger, folder: folder, journal: journal, faults: faults, logger: logger)
        return LineFixture(folder: folder, ledger: ledger, workflow: workflow, batch: batch, journal: journal)
    }

    /// The same line started again on the same ledger and journal (re-read from its file), as
    /// after a station restart, with a fresh virtual printer.
    func restarted(faults: [String] = []) async throws -> LineFixture {
        let journal = try self.journal.map { try LineRunJournal(path: $0.path) }
        let workflow = try await Self.startLine(settings, ledger: ledger, folder: folder, journal: journal, faults: faults, logger: nil)
        return LineFixture(folder: folder, ledger: ledger, workflow: workflow, batch: batch, journal: journal)
    }

    var settings: LineSettings { workflow.settings }

    private static func startLine(_ settings: LineSettings, ledger: SQLiteLedger, folder: String, journal: LineRunJournal?,
                                  faults: [String], logger: Logger?) async throws -> LineWorkflow {
        var printerFaults = PrinterFaults()
        for fault in faults { try printerFaults.set(fault) }
        var options = LineWorkflow.Options(printerFaults: printerFaults, journal: journal)
        if let logger { options.logger = logger }
        return try await LineWorkflow.start(settings: settings, ledger: ledger, labelFolder: "\(folder)/labels", options: options)
    }

    /// Runs the batch's labels, failing the test rather than hanging if the line never finishes.
    func run(_ count: Int) async throws -> LineStatus {
        let workflow = workflow, batch = batch.id
        return try await withDeadline { try await workflow.run(batch: batch, count: count) }
    }

    /// The formats the printer printed, by their hash, from its `labels.jsonl`: one each
    /// means no label was printed twice.
    func printedFormats() throws -> [String] {
        try Self.printedFormats(in: "\(folder)/labels")
    }

    /// The formats a virtual printer writing to `labelFolder` printed, by their hash.
    static func printedFormats(in labelFolder: String) throws -> [String] {
        let log = try String(contentsOfFile: "\(labelFolder)/labels.jsonl", encoding: .utf8)
        return log.split(separator: "\n").compactMap { line in
            line.range(of: "\"zpl_fnv1a64\":\"").map { String(line[$0.upperBound...].prefix(16)) }
        }
    }

    func finish() async {
        await workflow.close()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

struct DeadlinePassed: Error, CustomStringConvertible {
    var description: String { "the line did not get there within the deadline" }
}

/// `body`'s result, or an error once `seconds` pass: generous, so only a hang trips it. The
/// body is left running then (a hung line cannot be cancelled), but the test goes on to fail.
func withDeadline<T: Sendable>(seconds: Int = 120, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        let gate = ResumeOnce(continuation)
        Task {
            do { gate.resume(with: .success(try await body())) } catch { gate.resume(with: .failure(error)) }
        }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            gate.resume(with: .failure(DeadlinePassed()))
        }
    }
}

/// Resumes a continuation with whichever result comes first.
final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T, any Error>?>

    init(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation = Mutex(continuation)
    }

    func resume(with result: Result<T, any Error>) {
        let waiting = continuation.withLock { value in
            defer { value = nil }
            return value
        }
        waiting?.resume(with: result)
    }
}

/// Waits for a status the condition accepts.
func waitFor(_ workflow: LineWorkflow, seconds: Int = 120, _ condition: @escaping @Sendable (LineStatus) -> Bool) async throws -> LineStatus {
    let changes = await workflow.statusChanges()
    return try await withDeadline(seconds: seconds) {
        for await status in changes where condition(status) { return status }
        throw DeadlinePassed()
    }
}
