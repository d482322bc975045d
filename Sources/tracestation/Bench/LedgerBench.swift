import Foundation
import Ledger

/// The ledger's timings on a fresh database, beside a plain SQLite insert loop run by the
/// `sqlite3` shell on the same disk in the same run.
///
/// Steps, in order, each on the ledger the previous one left: issuance of `codes` codes in
/// blocks of `block` (durable commits); `callers` concurrent tasks recording `events`
/// `printed` steps one at a time (group commit); reconciliation of the batch; `audit verify`
/// of the whole chain. The baseline inserts `codes` rows with a random 16-character key under
/// a UNIQUE index in one transaction, WAL and `synchronous = FULL`, as the ledger runs.
struct LedgerBench {
    var codes = 1_000_000
    var block = 10_000
    var events = 100_000
    var callers = 64

    struct Result {
        let step: String
        let count: Int
        let seconds: Double
        let target: String
        let withinTarget: Bool?

        var perSecond: Double { Double(count) / seconds }
    }

    /// Runs every step in `folder` (created and removed here) and prints a table, or one
    /// JSON object per step with `json`.
    func run(in folder: String, json: Bool) async throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = try await measure(in: folder)
        if json {
            for result in results {
                var object: [String: Any] = ["step": result.step, "count": result.count, "seconds": result.seconds,
                                             "per_second": result.perSecond.rounded(), "target": result.target]
                if let within = result.withinTarget { object["within_target"] = within }
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            }
            return
        }
        print("Ledger bench: \(codes) codes in blocks of \(block), \(events) events from \(callers) callers")
        let rows = [["step", "count", "seconds", "per second", "target"]] + results.map { result in
            [result.step, String(result.count), String(format: "%.2f", result.seconds), String(Int(result.perSecond.rounded())),
             result.target + (result.withinTarget.map { $0 ? " ok" : " MISSED" } ?? "")]
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }

    func measure(in folder: String) async throws -> [Result] {
        let ledger = try SQLiteLedger(path: folder + "/ledger.sqlite", station: "bench")
        let batch = try await ledger.createBatch(BatchSpec(gtin: "06901234567892", lot: "BENCH", quantity: codes, overagePercent: 0))
        var results: [Result] = []

        var sample: [String] = []
        let issuance = try await Self.time {
            var remaining = codes
            while remaining > 0 {
                let issued = try await ledger.issue(batch: batch.id, count: min(block, remaining))
                if sample.count < events { sample += issued.prefix(events - sample.count).map(\.value) }
                remaining -= issued.count
            }
        }
        results.append(Result(step: "issue codes in blocks of \(block)", count: codes, seconds: issuance,
                              target: "≥ 50000/s", withinTarget: Double(codes) / issuance >= 50_000))

        let lifecycle = try await Self.time {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for caller in 0..<callers {
                    let mine = stride(from: caller, to: sample.count, by: callers).map { sample[$0] }
                    group.addTask {
                        for code in mine { try await ledger.record([LabelChange(code: code, event: .printed)]) }
                    }
                }
                try await group.waitForAll()
            }
        }
        results.append(Result(step: "record events, \(callers) callers one at a time", count: sample.count, seconds: lifecycle,
                              target: "≥ 10000/s", withinTarget: Double(sample.count) / lifecycle >= 10_000))

        var counts: Reconciliation?
        let reconcile = try await Self.time { counts = try await ledger.reconcile(batch: batch.id) }
        guard counts?.issued == codes else { throw BenchError("reconciliation counted \(counts?.issued ?? 0) codes, not \(codes)") }
        results.append(Result(step: "reconcile the batch", count: codes, seconds: reconcile,
                              target: "≤ 2 s per 1M", withinTarget: reconcile * 1e6 / Double(codes) <= 2))

        var report: AuditReport?
        let audit = try await Self.time { report = try await ledger.verifyAudit(trustedKey: nil) }
        guard let report, report.isIntact else { throw BenchError("audit verify found the bench ledger broken: \(report?.summary ?? "")") }
        let chain = Int(report.eventsChecked)
        results.append(Result(step: "audit verify", count: chain, seconds: audit,
                              target: "≤ 5 s per 1M", withinTarget: audit * 1e6 / Double(chain) <= 5))

        results.append(Result(step: "sqlite3 shell: insert, random UNIQUE key", count: codes,
                              seconds: try Self.sqliteBaseline(rows: codes, path: folder + "/baseline.sqlite"), target: "-", withinTarget: nil))
        return results
    }

    private static func time(_ body: () async throws -> Void) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return (clock.now - start).milliseconds / 1e3
    }

    /// Seconds the `sqlite3` shell takes to insert `rows` rows with random keys in one
    /// transaction, the reference for what SQLite itself costs on this disk.
    static func sqliteBaseline(rows: Int, path: String) throws -> Double {
        let script = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE t (id INTEGER PRIMARY KEY, key TEXT NOT NULL);
            CREATE UNIQUE INDEX t_by_key ON t(key);
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(rows))
                INSERT INTO t (key) SELECT hex(randomblob(8)) FROM n;
            COMMIT;

            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let elapsed = (clock.now - start).milliseconds / 1e3
        guard process.terminationStatus == 0 else { throw BenchError("the sqlite3 shell failed (install the sqlite3 package)") }
        return elapsed
    }
}
