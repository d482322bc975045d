import Foundation
import Ledger
import PostgresTestSupport
import Station
import Testing

/// A line on a shared PostgreSQL ledger that it reaches through a relay the test cuts in the
/// middle of a run: a network outage between the station and its plant's database.
@Suite("A line whose shared ledger goes out of reach mid-run", .serialized)
struct LedgerOutageTests {
    static let labels = 600
    static let station = "outage-station"

    @Test("Cut off from PostgreSQL, the line goes on printing from its lease into the journal; back, every step is on the ledger once")
    func printsThroughAnOutage() async throws {
        let server = try await PostgresTestServer.freshDatabase()
        let relay = try await CuttableRelay(upstreamHost: server.host, upstreamPort: server.port)
        let direct = try await PostgresLedger(configuration: server, station: Self.station)
        let shared = try await PostgresLedger(configuration: server.through(relay), station: Self.station)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outage-\(UUID().uuidString)").path
        let journal = try OfflineJournal(path: folder + "/station.sqlite", station: Self.station)
        let ledger = try BufferedLedger(shared: shared, journal: journal,
                                        options: .init(answerTimeout: .seconds(1), retryInterval: .milliseconds(100)))
        // Overage for the lease to hold more than the run needs: the line prints from it while cut off.
        let batch = try await direct.createBatch(BatchSpec(gtin: "06901234567892", lot: "OUTAGE", productionDate: "250301",
                                                           quantity: Self.labels, overagePercent: 100))
        // Every verdict kept in the status, to find each on the ledger afterwards.
        let workflow = try await LineWorkflow.start(settings: LineSettings(id: "line-o", labelsInPrinter: 8), ledger: ledger,
                                                    labelFolder: folder + "/labels", options: .init(keptVerdicts: 2 * Self.labels))

        try await workflow.start(batch: batch.id, count: Self.labels)
        let beforeCut = try await waitFor(workflow) { $0.verifiedPass >= 100 }
        #expect(await !ledger.isBuffering)
        relay.cut()
        // Cut off: steps go to the journal and the line keeps printing.
        let whileCut = try await waitFor(workflow) { $0.verifiedPass >= beforeCut.verifiedPass + 150 }
        #expect(await ledger.isBuffering)
        #expect(whileCut.state == .running, "\(whileCut.state)")
        let onLedgerWhileCut = try await direct.reconcile(batch: batch.id)
        #expect(onLedgerWhileCut.verifiedPass < whileCut.verifiedPass, "the steps taken while cut off are not on the ledger yet")
        relay.restore()

        let finished = try await withDeadline(seconds: 300) { await workflow.finished() }
        #expect(finished.state == .idle && finished.good == Self.labels && finished.verifiedFail == 0, "\(finished)")
        try await ledger.replayPending()
        #expect(await !ledger.isBuffering)

        let counts = try await direct.reconcile(batch: batch.id)
        #expect(counts.isBalanced && counts.verifiedPass == Self.labels, "\(counts.table)")
        let passed = Set(try await direct.codes(batch: batch.id, in: .verifiedPass).map(\.value))
        let verdicts = finished.recentVerdicts.filter(\.passed).map(\.code)
        #expect(verdicts.count == Self.labels)
        #expect(verdicts.allSatisfy(passed.contains), "every label the line verified is verified-pass on the ledger")
        let formats = try LineFixture.printedFormats(in: folder + "/labels")
        #expect(formats.count == finished.printed && Set(formats).count == formats.count, "no label printed twice")
        let audit = try await direct.verifyAudit(trustedKey: nil)
        #expect(audit.isIntact, "\(audit.findings)")
        #expect(try journal.verifyChain() == nil)
        #expect(try journal.counts() == (0, 0))

        await workflow.close()
        try await relay.close()
        await shared.shutdown()
        await direct.shutdown()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
