import Foundation
import PostgresNIO
import PostgresTestSupport
import Testing
@testable import Ledger

/// Several stations of a plant on one PostgreSQL ledger, each with its own pool, writing at
/// the same time.
@Suite("Stations sharing a PostgreSQL ledger")
struct SharedLedgerTests {
    static let blocks = 20
    static let blockSize = 50
    /// Of each block, the codes recorded `sent` right after it is issued.
    static let sentPerBlock = 10

    @Test("Two stations issuing and recording at once get no code twice, one gapless chain and their own names on their events")
    func twoStations() async throws {
        let configuration = try await PostgresTestServer.freshDatabase()
        let stations = ["WX-01", "WX-02"]
        var ledgers: [PostgresLedger] = []
        for station in stations { ledgers.append(try await PostgresLedger(configuration: configuration, station: station)) }
        let batch = try await ledgers[0].createBatch(
            BatchSpec(gtin: TestLedger.gtin, lot: "B1", quantity: stations.count * Self.blocks * Self.blockSize))

        let issued = try await withThrowingTaskGroup(of: [IssuedCode].self) { group in
            for ledger in ledgers {
                group.addTask {
                    var codes: [IssuedCode] = []
                    for _ in 0..<Self.blocks {
                        let block = try await ledger.issue(batch: batch.id, count: Self.blockSize)
                        try await ledger.record(block.prefix(Self.sentPerBlock).map { LabelChange(code: $0.value, event: .sent, batch: batch.id) })
                        codes += block
                    }
                    return codes
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        let total = stations.count * Self.blocks * Self.blockSize
        #expect(issued.count == total)
        #expect(Set(issued.map(\.value)).count == total)
        #expect(Set(issued.map(\.serial)).count == total)

        let events = try await ledgers[0].read { connection in
            try await PostgresLedger.rows("SELECT seq, station, kind FROM events ORDER BY seq", on: connection)
                .map { try $0.decode((Int64, String, String).self) }
        }
        #expect(events.map(\.0) == Array(1...Int64(events.count)))
        let sent = stations.count * Self.blocks * Self.sentPerBlock
        #expect(events.count(where: { $0.2 == EventKind.sent.rawValue }) == sent)
        for station in stations {
            let mine = events.filter { $0.1 == station }
            #expect(mine.count(where: { $0.2 == EventKind.sent.rawValue }) == Self.blocks * Self.sentPerBlock, "\(station)")
            #expect(mine.contains { $0.2 == EventKind.issued.rawValue }, "\(station)")
        }
        #expect(Set(events.map(\.1)) == Set(stations))

        let counts = try await ledgers[1].reconcile(batch: batch.id)
        #expect(counts.issued == total)
        #expect(counts.sent == sent)
        let audit = try await ledgers[1].verifyAudit(trustedKey: nil)
        #expect(audit.isIntact, "\(audit.summary)")
        for ledger in ledgers { await ledger.shutdown() }
    }
}
