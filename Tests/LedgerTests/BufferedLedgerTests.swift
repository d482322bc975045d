import Foundation
import PostgresTestSupport
import Testing
@testable import Ledger

@Suite("A station on a shared ledger: leases and the offline journal")
struct BufferedLedgerTests {
    static func journal(station: String = "line-1") throws -> OfflineJournal {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        return try OfflineJournal(path: folder + "/station.sqlite", station: station)
    }

    @Test("Codes come from leases ahead of need, never twice, and never past the batch's limit", arguments: LedgerBackend.all)
    func leasesWithinTheLimit(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch(quantity: 100, overage: 5)
        let station = try BufferedLedger(shared: ledger.store, journal: Self.journal(), options: .init(leaseReserve: 40))
        var values = Set<String>()
        while values.count < batch.limit {
            for code in try await station.issue(batch: batch.id, count: 16) {
                #expect(values.insert(code.value).inserted)
            }
        }
        await #expect(throws: LedgerError.self) { try await station.issue(batch: batch.id, count: 1) }
        #expect(try await ledger.store.batch(batch.id).issuedCount == batch.limit)
    }

    @Test("Cut off from PostgreSQL, a station prints from its lease and journals its steps; back, it replays them once")
    func outageAndReplay() async throws {
        let server = try await PostgresTestServer.freshDatabase()
        let relay = try await CuttableRelay(upstreamHost: server.host, upstreamPort: server.port)
        var viaRelay = server
        viaRelay.host = "127.0.0.1"
        viaRelay.port = relay.port
        let direct = try await PostgresLedger(configuration: server, station: "line-1")
        let shared = try await PostgresLedger(configuration: viaRelay, station: "line-1")
        let journal = try Self.journal()
        let station = try BufferedLedger(shared: shared, journal: journal,
                                         options: .init(leaseReserve: 300, answerTimeout: .seconds(5), retryInterval: .milliseconds(50)))
        let batch = try await direct.createBatch(BatchSpec(gtin: TestLedger.gtin, lot: "OUT1", quantity: 1000))

        let online = try await station.issue(batch: batch.id, count: 50)
        // Recorded on the shared ledger, or (on a machine too busy to answer in time) in the
        // journal as steps that may be recorded: either way once after the replay.
        try await station.record(online.flatMap { [LabelChange(code: $0.value, event: .sent), LabelChange(code: $0.value, event: .printed)] })

        relay.cut()
        var offline: [IssuedCode] = []
        while offline.count < 200 { offline += try await station.issue(batch: batch.id, count: 64) }
        for code in offline {
            try await station.record([LabelChange(code: code.value, event: .sent, batch: batch.id)])
            try await station.record([LabelChange(code: code.value, event: .printed, batch: batch.id),
                                      LabelChange(code: code.value, event: .verifiedPass, batch: batch.id)])
        }
        let replacement = try await station.reprint(code: online[0].value, reason: "smudged")
        #expect(await station.isBuffering)
        #expect(try await direct.reconcile(batch: batch.id).verifiedPass == 0)

        relay.restore()
        try await station.replayPending()
        #expect(await !station.isBuffering)
        let counts = try await direct.reconcile(batch: batch.id)
        #expect(counts.verifiedPass == offline.count)
        #expect(counts.voided == 1)
        #expect(counts.printedConfirmed == online.count - 1)
        let all = Set((online + offline + [replacement]).map(\.value))
        #expect(all.count == online.count + offline.count + 1)
        let audit = try await direct.verifyAudit(trustedKey: nil)
        #expect(audit.isIntact, "\(audit.findings)")
        #expect(try journal.verifyChain() == nil)
        #expect(try journal.counts() == (0, 0))
        try await relay.close()
    }
}
