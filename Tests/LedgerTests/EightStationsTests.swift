import Foundation
import PostgresNIO
import PostgresTestSupport
import Testing
@testable import Ledger

/// A plant's worth of stations on one PostgreSQL ledger, each issuing from small leases at
/// once: many leases interleave, and still no code is issued twice or lost.
@Suite("Eight stations on one PostgreSQL ledger")
struct EightStationsTests {
    static let stations = 8
    static let codesPerStation = 5_000
    /// What a line asks for at a time (`LineWorkflow.codesPerIssue`).
    static let block = 256
    /// Small, so each station takes a new lease every few blocks.
    static let leaseReserve = 300

    /// One station: its own pool on the shared database, its own journal file.
    struct Station: Sendable {
        let name: String
        let batch: Int64
        let ledger: BufferedLedger
        let journal: OfflineJournal
    }

    @Test("Eight stations leasing from one batch at once: every code distinct, each keeps exactly its unused codes, audit intact")
    func oneSharedBatch() async throws {
        try await run(sharedBatch: true)
    }

    @Test("Eight stations each leasing from its own batch at once: every code distinct, each keeps exactly its unused codes, audit intact")
    func oneBatchEach() async throws {
        try await run(sharedBatch: false)
    }

    private func run(sharedBatch: Bool) async throws {
        let configuration = try await PostgresTestServer.freshDatabase()
        let office = try await PostgresLedger(configuration: configuration, station: "plant-office")
        // Room for every station's lease reserve on top of what they print, so none is starved
        // by codes another station holds.
        let overage = 20
        var batches: [Batch] = []
        if sharedBatch {
            let batch = try await office.createBatch(BatchSpec(gtin: TestLedger.gtin, lot: "PLANT",
                                                               quantity: Self.stations * Self.codesPerStation, overagePercent: overage))
            batches = Array(repeating: batch, count: Self.stations)
        } else {
            for index in 1...Self.stations {
                batches.append(try await office.createBatch(BatchSpec(gtin: TestLedger.gtin, lot: "ST\(index)",
                                                                      quantity: Self.codesPerStation, overagePercent: overage)))
            }
        }
        var stations: [Station] = []
        var pools: [PostgresLedger] = []
        for (index, batch) in batches.enumerated() {
            let name = "station-\(index + 1)"
            var own = configuration
            own.maximumConnections = 2
            let shared = try await PostgresLedger(configuration: own, station: name)
            let journal = try BufferedLedgerTests.journal(station: name)
            let ledger = try BufferedLedger(shared: shared, journal: journal, options: .init(leaseReserve: Self.leaseReserve))
            stations.append(Station(name: name, batch: batch.id, ledger: ledger, journal: journal))
            pools.append(shared)
        }

        // Each station takes its codes block by block and records them sent, all at once.
        let handedOut = try await withThrowingTaskGroup(of: (String, [IssuedCode]).self) { group in
            for station in stations {
                group.addTask {
                    var codes: [IssuedCode] = []
                    while codes.count < Self.codesPerStation {
                        let block = try await station.ledger.issue(batch: station.batch, count: min(Self.block, Self.codesPerStation - codes.count))
                        try await station.ledger.record(block.map { LabelChange(code: $0.value, event: .sent, batch: station.batch) })
                        codes += block
                    }
                    return (station.name, codes)
                }
            }
            return try await group.reduce(into: [String: [IssuedCode]]()) { $0[$1.0] = $1.1 }
        }

        let total = Self.stations * Self.codesPerStation
        let allHandedOut = handedOut.values.flatMap { $0 }
        #expect(allHandedOut.count == total)
        #expect(Set(allHandedOut.map(\.value)).count == total, "a code was handed out twice")

        var unusedByBatch: [Int64: Int] = [:]
        var everyCode = Set(allHandedOut.map(\.value))
        for station in stations {
            // A busy server may answer a write late: those steps wait in the journal until replayed.
            try await station.ledger.replayPending()
            #expect(try station.journal.counts() == (0, 0), "\(station.name) left steps in its journal")
            // The codes in the station's stock never handed out: still issued, leased to it alone.
            let unused = try station.journal.take(batch: station.batch, count: station.journal.available(batch: station.batch))
            let mine = Set(handedOut[station.name, default: []].map(\.value))
            #expect(mine.isDisjoint(with: unused.map(\.value)), "\(station.name) kept a code it had handed out")
            let stillIssued = try await station.ledger.codes(batch: station.batch, in: .issued)
            #expect(Set(stillIssued.map(\.value)) == Set(unused.map(\.value)), "\(station.name)")
            #expect(stillIssued.count == unused.count, "\(station.name)")
            unusedByBatch[station.batch, default: 0] += unused.count
            for code in unused { #expect(everyCode.insert(code.value).inserted, "\(code.value) is in two stations' stock") }
        }

        let (rows, distinct) = try await office.read { connection in
            try await PostgresLedger.rows("SELECT count(*), count(DISTINCT value) FROM codes", on: connection)[0].decode((Int, Int).self)
        }
        #expect(rows == distinct, "the codes table holds a value twice")
        #expect(rows == everyCode.count, "every code in the database was handed out or is in a station's stock")

        let leases = try await office.read { connection in
            try await PostgresLedger.rows("SELECT count(*) FROM code_leases", on: connection)[0].decode(Int.self)
        }
        // Each lease holds at most a block and the reserve, so every station took many.
        #expect(leases >= Self.stations * (Self.codesPerStation / (Self.block + Self.leaseReserve)), "\(leases) leases")
        for id in Set(batches.map(\.id)) {
            let batch = try await office.batch(id)
            let leased = try await office.read { connection in
                try await PostgresLedger.rows("""
                    SELECT coalesce(sum(last_code_id - first_code_id + 1), 0)::BIGINT FROM code_leases WHERE batch_id = \(id)
                    """, on: connection)[0].decode(Int64.self)
            }
            let counts = try await office.reconcile(batch: id)
            let printing = sharedBatch ? total : Self.codesPerStation
            #expect(batch.issuedCount == Int(leased), "batch \(id): issued \(batch.issuedCount), leased \(leased)")
            #expect(batch.issuedCount == printing + unusedByBatch[id, default: 0], "batch \(id)")
            #expect(counts.sent == printing && counts.unused == unusedByBatch[id, default: 0] && counts.issued == batch.issuedCount,
                    "batch \(id): \(counts.table)")
        }
        let audit = try await office.verifyAudit(trustedKey: nil)
        #expect(audit.isIntact, "\(audit.findings)")
        for pool in pools { await pool.shutdown() }
        await office.shutdown()
    }
}
