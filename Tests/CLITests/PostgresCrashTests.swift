import Foundation
import Ledger
import Testing

/// `tracestation serve` on a shared PostgreSQL ledger, killed with SIGKILL while it holds a
/// lease of codes, then started again on the same configuration.
@Suite("A station on PostgreSQL killed mid-run", .serialized)
struct PostgresCrashTests {
    static let station = "pg-killed"
    static let labels = 600

    @Test("Killed holding a lease and restarted: the run finishes, no code prints twice, the unused leased codes stay the station's alone")
    func killedHoldingALease() async throws {
        let database = try TestDatabase()
        let folder = try CommandRunner.temporaryFolder()
        try Data("""
            station: { id: \(Self.station), output: out }
            ledger: { url: "\(database.urlWithoutPassword)" }
            lines:
              - { id: line-1, printer: virtual, labels_in_printer: 8 }
            users:
              - { name: lead-wang, role: lead, token_env: TS_LEAD_TOKEN }
            """.utf8).write(to: URL(fileURLWithPath: folder + "/station.yaml"))
        let password = ["TRACESTATION_LEDGER_PASSWORD": database.password]

        let first = try ServeCommandTests.Station(folder: folder, environment: password)
        // Room beyond the run, so the lease holds codes the run never needs and another station still gets some.
        let created = try await first.request("POST", "/api/v1/batches",
                                              json: #"{"gtin":"06901234567892","lot":"PGKILL","quantity":\#(Self.labels),"overage_percent":100}"#)
        #expect(created.status == 201)
        let started = try await first.request("POST", "/api/v1/lines/line-1/start", json: #"{"batch":1,"count":\#(Self.labels)}"#)
        #expect(started.status == 202)
        _ = try await first.waitForLine { ($0["good"] as? Int ?? 0) >= 100 }
        _ = first.stop(SIGKILL)

        let killed = try await PostgresLedger(url: database.url, station: Self.station)
        let heldAtKill = try await killed.codes(batch: 1, in: .issued)
        #expect(!heldAtKill.isEmpty, "the station held leased codes it had not printed when it was killed")

        let second = try ServeCommandTests.Station(folder: folder, environment: password)
        _ = try await second.waitForLine { $0["state"] as? String == "idle" && $0["run"] as? Int == 1 && $0["good"] as? Int != 0 }
        let stopped = second.stop(SIGTERM)
        #expect(stopped.status == 0, "\(stopped.log)")

        // Every code accounted for: good, flagged for the lead, printed with its verdict lost in
        // the kill, voided, or leased and unused; none sent with no outcome.
        let counts = try CrashRecoveryTests.reconciliation(database.url)
        let good = counts["verified_pass"] ?? 0, flagged = counts["unconfirmed"] ?? 0, unjudged = counts["printed_confirmed"] ?? 0
        let failed = counts["verified_fail"] ?? 0, voided = counts["voided"] ?? 0, unused = counts["unused"] ?? 0
        #expect(counts["sent"] == 0, "\(counts)")
        #expect(good + flagged + unjudged == Self.labels, "\(counts)")
        #expect(counts["issued"] == good + flagged + unjudged + failed + voided + unused, "\(counts)")
        #expect(unused > 0, "the lease still holds codes: \(counts)")
        let audit = try CommandRunner.run("audit", "verify", "--db", database.url)
        #expect(audit.status == 0 && audit.stdout.hasPrefix("Ledger intact"), "\(audit.stdout)\(audit.stderr)")

        // The virtual printers of both runs log each label they print: no format (so no code) twice,
        // and no more labels than the ledger has reaching a printer.
        let printed = try Self.printedFormats(folder + "/out/line-1/labels/labels.jsonl")
        #expect(Set(printed).count == printed.count, "a label was printed twice")
        #expect(printed.count >= good && printed.count <= good + flagged + unjudged + failed + voided, "\(printed.count) printed: \(counts)")

        // The codes leased and unused are still issued, and leased to the killed station.
        let unusedCodes = Set(try await killed.codes(batch: 1, in: .issued).map(\.value))
        #expect(unusedCodes.count == unused)

        // Another station on the same batch: none of those codes is its, and it never gets one.
        let otherPool = try await PostgresLedger(url: database.url, station: "pg-other")
        let otherJournal = try OfflineJournal(path: folder + "/other/station.sqlite", station: "pg-other")
        let other = try BufferedLedger(shared: otherPool, journal: otherJournal)
        #expect(try await other.codes(batch: 1, in: .issued).isEmpty, "the killed station's leases are not another station's")
        var taken: [IssuedCode] = []
        for _ in 0..<1_000 {
            do throws(LedgerError) {
                taken += try await other.issue(batch: 1, count: 64)
            } catch {
                guard case .overIssue = error.rule else { throw error }
                break
            }
        }
        #expect(!taken.isEmpty, "the batch had room left for another station")
        var killedCodes = Set<String>()
        for state in LabelState.allCases { killedCodes.formUnion(try await killed.codes(batch: 1, in: state).map(\.value)) }
        #expect(killedCodes.count == counts["issued"])
        #expect(killedCodes.isDisjoint(with: taken.map(\.value)), "another station got a code leased to the killed one")
        #expect(Set(try await killed.codes(batch: 1, in: .issued).map(\.value)) == unusedCodes)
        let batch = try await killed.batch(1)
        #expect(batch.issuedCount == killedCodes.count + taken.count + (try otherJournal.available(batch: 1)))
        await otherPool.shutdown()
        await killed.shutdown()
    }

    /// The hash of each format the virtual printer printed, from its `labels.jsonl`.
    static func printedFormats(_ path: String) throws -> [String] {
        let log = try String(contentsOfFile: path, encoding: .utf8)
        return log.split(separator: "\n").compactMap { line in
            line.range(of: "\"zpl_fnv1a64\":\"").map { String(line[$0.upperBound...].prefix(16)) }
        }
    }
}
