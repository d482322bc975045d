import Foundation
import Ledger
import Synchronization

/// The runs under way on the station's lines, kept in a small JSON file beside the ledger so
/// that a station stopped by SIGTERM, a crash or a power cut goes on with the same batches
/// when it starts again.
///
/// A run is written when it begins, with the batch's counts at that moment; what it has
/// achieved since is read back from the ledger, the record that survives any stop. The file
/// is replaced whole (write, flush, rename), so it is always either the old or the new one.
public final class LineRunJournal: Sendable {
    /// One line's run.
    public struct Run: Codable, Sendable, Hashable {
        public enum Mode: String, Codable, Sendable {
            case continuous, trigger
        }

        public var batch: Int64
        public var mode: Mode
        /// Good labels the run is to print; in trigger mode, the triggers received so far.
        public var target: Int
        /// The batch's labels printed or possibly printed, and not failed, when the run began
        /// (`LineRunJournal.settled(_:)`).
        public var settledBefore: Int
        /// The alarm that ended the run early; such a run is not resumed on its own.
        public var alarm: String?

        enum CodingKeys: String, CodingKey {
            case batch, mode, target, alarm
            case settledBefore = "settled_before"
        }
    }

    /// The labels of a batch that count towards its runs: verified pass, printed with no
    /// verdict yet, or flagged unconfirmed. Those in doubt are the lead's to settle, never
    /// reprinted on their own; failed labels are not counted, as their reprints are owed.
    public static func settled(_ counts: Reconciliation) -> Int {
        counts.verifiedPass + counts.printedConfirmed + counts.unconfirmed
    }

    public let path: String
    private let runs: Mutex<[String: Run]>

    /// Reads the journal at `path`; none there means no run was under way.
    public init(path: String) throws(StationError) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            runs = Mutex([:])
            return
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            runs = Mutex(try JSONDecoder().decode([String: Run].self, from: data))
        } catch {
            throw StationError("run journal \(path)", "cannot be read: \(error); move it aside to start without resuming runs")
        }
    }

    /// The journal of the ledger at `ledgerPath`: `<ledger>.runs.json`.
    public convenience init(ledgerPath: String) throws(StationError) {
        try self.init(path: ledgerPath + ".runs.json")
    }

    public func run(of line: String) -> Run? {
        runs.withLock { $0[line] }
    }

    /// Records `run` for `line` (nil when the line's run is done) and writes the file.
    func set(_ run: Run?, for line: String) throws(StationError) {
        let data = runs.withLock { runs -> Data in
            runs[line] = run
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            return (try? encoder.encode(runs)) ?? Data("{}".utf8)
        }
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw StationError("run journal \(path)", "cannot write \(temporary); check the folder's space and permissions")
        }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw StationError("run journal \(path)", "cannot flush \(temporary): \(error)")
        }
        guard rename(temporary, path) == 0 else {
            throw StationError("run journal \(path)", "cannot replace it: \(String(cString: strerror(errno)))")
        }
    }
}
