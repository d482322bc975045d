import Foundation
import Ledger

/// A plant's stations printing through an outage of their shared PostgreSQL: `stations`
/// stations each record `labels` labels (issued, sent, printed, verified) at `labelsPerSecond`;
/// once a quarter of them are recorded the server is stopped for `outageSeconds` (by the
/// test server's script, `TRACESTATION_TEST_POSTGRES_CONTROL`), then started again. Every
/// station must keep printing from its lease through the outage, and after its journal is
/// replayed every batch must balance with every label verified, no code twice, and every
/// chain (the plant's and each station's journal) intact, or the drill fails.
struct PlantOutageDrill {
    var stations = 8
    var labels = 4_000
    var labelsPerSecond = 40
    var outageSeconds = 60
    /// The script that pauses and resumes the server.
    var control: String

    struct Result {
        let labelsDuringOutage: Int
        let stalls: Int
        /// From the server's restart until every station's journal was replayed.
        let catchUp: Duration
    }

    func run(_ configuration: PostgresLedger.Configuration, in folder: String) async throws -> Result {
        let setup = try await PostgresLedger(configuration: configuration, station: "drill-lead")
        var lines: [(station: BufferedLedger, batch: Int64)] = []
        for index in 0..<stations {
            let batch = try await setup.createBatch(BatchSpec(gtin: "06901234567892", lot: "DRILL\(index)", quantity: labels, overagePercent: 0))
            let station = try BufferedLedger(shared: try await PostgresLedger(configuration: configuration, station: "drill-\(index)"),
                                             journal: try OfflineJournal(path: "\(folder)/drill-\(index).sqlite", station: "drill-\(index)"),
                                             options: .init(answerTimeout: .seconds(2)))
            lines.append((station, batch.id))
        }
        let members = lines
        let progress = DrillProgress()
        let outage = Task {
            while await progress.recorded < stations * labels / 4 { try await Task.sleep(for: .milliseconds(100)) }
            try Self.control(control, "pause")
            let before = await progress.recorded
            try await Task.sleep(for: .seconds(outageSeconds))
            let during = await progress.recorded - before
            try Self.control(control, "resume")
            let resumed = ContinuousClock.now
            for member in members {
                while await member.station.isBuffering { try await Task.sleep(for: .milliseconds(100)) }
            }
            return (during, ContinuousClock.now - resumed)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for member in members {
                group.addTask { try await runLine(labels, on: member.station, batch: member.batch, progress: progress) }
            }
            try await group.waitForAll()
        }
        let (during, caughtUp) = try await outage.value
        for member in members { try await member.station.replayPending() }

        for member in members {
            let counts = try await setup.reconcile(batch: member.batch)
            guard counts.verifiedPass == labels, counts.isBalanced else {
                throw BenchError("after the outage batch \(member.batch) has \(counts.verifiedPass) of \(labels) labels verified: \(counts.problems)")
            }
            if let broken = try member.station.journal.verifyChain() { throw BenchError("a station's journal is broken: \(broken)") }
            let left = try member.station.journal.counts()
            guard left.pending == 0, left.refused == 0 else {
                throw BenchError("a station's journal holds \(left.pending) steps unreplayed and \(left.refused) refused")
            }
        }
        let audit = try await setup.verifyAudit(trustedKey: nil)
        guard audit.isIntact else { throw BenchError("after the outage the plant's chain is broken: \(audit.summary)") }
        return Result(labelsDuringOutage: during, stalls: await progress.stalls, catchUp: caughtUp)
    }

    /// One station's line: hand-offs of 16 labels at `labelsPerSecond`, as a line records
    /// them: issued, sent together, then printed and verified together. A block that cannot
    /// be issued (the lease used up while cut off) is a stall, waited out as a line would.
    private func runLine(_ count: Int, on station: BufferedLedger, batch: Int64, progress: DrillProgress) async throws {
        let clock = ContinuousClock()
        var next = clock.now
        var printed = 0
        while printed < count {
            let block = min(Self.handOff, count - printed)
            next = next.advanced(by: .seconds(block) / labelsPerSecond)
            try await clock.sleep(until: next)
            let codes: [IssuedCode]
            do {
                codes = try await station.issue(batch: batch, count: block)
            } catch {
                await progress.countStall()
                continue
            }
            try await station.record(codes.map { LabelChange(code: $0.value, event: .sent, batch: batch) })
            try await station.record(codes.flatMap {
                [LabelChange(code: $0.value, event: .printed, batch: batch), LabelChange(code: $0.value, event: .verifiedPass, batch: batch)]
            })
            printed += codes.count
            await progress.countLabels(codes.count)
        }
    }

    /// Labels a line hands to its printer at a time (`LineWorkflow.labelsPerSubmit`).
    static let handOff = 16

    /// Runs `script verb` and waits for it. Spawned and reaped here rather than through
    /// Foundation's `Process`, whose wait can miss the exit of a script that starts a daemon.
    private static func control(_ script: String, _ verb: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(script), strdup(verb), nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, script, &actions, nil, arguments, environ) == 0 else { throw BenchError("cannot run \(script) \(verb)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        guard status == 0 else { throw BenchError("\(script) \(verb) failed") }
    }
}

/// Labels recorded over all stations, and stalls.
private actor DrillProgress {
    private(set) var recorded = 0
    private(set) var stalls = 0

    func countLabels(_ count: Int) { recorded += count }
    func countStall() { stalls += 1 }
}
