import Foundation
import Testing

/// Kills `tracestation` with SIGKILL at random moments while it issues and records, and checks
/// after each kill that the ledger is whole. Sized for a quick run; the full-size run sets
/// TRACESTATION_CRASH_LABELS=10000 TRACESTATION_CRASH_ROUNDS=50 (about 25 s on two cores).
@Suite("Crash recovery")
struct CrashRecoveryTests {
    static let labels = Int(ProcessInfo.processInfo.environment["TRACESTATION_CRASH_LABELS"] ?? "") ?? 3000
    static let rounds = Int(ProcessInfo.processInfo.environment["TRACESTATION_CRASH_ROUNDS"] ?? "") ?? 25

    @Test("After SIGKILL at random moments: no duplicate, every shown code on record, chain intact, counts balance")
    func killedAtRandom() throws {
        let folder = try CommandRunner.temporaryFolder()
        let db = folder + "/station.sqlite"
        _ = try CommandRunner.run("batch", "create", "--gtin", "06901234567892", "--lot", "CRASH", "--quantity", String(Self.labels), "--db", db)
        var shown = Set<String>()
        var verified = 0
        for round in 0..<Self.rounds {
            // Issue, killed somewhere between before start-up and after the last block.
            let count = max(1, Self.labels / Self.rounds)
            let lines = try Self.runKilled(["batch", "issue", "1", "--count", String(count), "--block", "40", "--db", db])
            for line in lines { #expect(shown.insert(line).inserted, "round \(round): \(line) shown twice") }

            // Every code shown is on record, still unprinted: recording them all as printed succeeds.
            let file = folder + "/round-\(round).txt"
            try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: file))
            if !lines.isEmpty {
                let printed = try CommandRunner.run("batch", "record", "1", "--event", "printed", "--codes", file, "--db", db)
                #expect(printed.status == 0, "round \(round): \(printed.stderr)")
            }

            // A group of verifications, killed: it commits whole or not at all.
            _ = try Self.runKilled(["batch", "record", "1", "--event", "verified-pass", "--codes", file, "--db", db])
            let counts = try Self.reconciliation(db)
            #expect(counts["verified_pass"] == verified || counts["verified_pass"] == verified + lines.count, "round \(round)")
            verified = counts["verified_pass"] ?? 0

            let issued = counts["issued"] ?? 0, printed = counts["printed"] ?? 0, voided = counts["voided"] ?? 0
            #expect(issued == printed + voided + (counts["unused"] ?? 0) + (counts["sent"] ?? 0), "round \(round): \(counts)")
            #expect(issued >= shown.count)
            let audit = try CommandRunner.run("audit", "verify", "--db", db)
            #expect(audit.status == 0, "round \(round): \(audit.stdout)\(audit.stderr)")
        }
    }

    /// Runs the command and kills it after 0–150 ms; returns the complete lines it wrote.
    static func runKilled(_ arguments: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32.random(in: 0...150_000))
        kill(process.processIdentifier, SIGKILL)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // A line cut by the kill has no newline; it was never fully shown.
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    static func reconciliation(_ db: String) throws -> [String: Int] {
        let result = try CommandRunner.run("batch", "reconcile", "1", "--json", "--db", db)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        return object.compactMapValues { $0 as? Int }
    }
}
