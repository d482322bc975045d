import Foundation
import Testing
@testable import Ledger

@Suite("Storage faults")
struct StorageErrorTests {
    @Test("A file that is not a database gives a clear error naming it")
    func notADatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/station.sqlite"
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        #expect(throws: LedgerError("database \(path)", .notADatabase)) { try SQLiteLedger(path: path, station: "s") }
    }

    @Test("A full database refuses the block and issues none of it")
    func full() async throws {
        let ledger = try TestLedger()
        let batch = try await ledger.batch(quantity: 1_000_000)
        let capped = try SQLiteLedger(path: ledger.location, station: "s", options: .init(maximumPageCount: 40))
        await #expect(throws: LedgerError("database \(ledger.location)", .full)) {
            try await capped.issue(batch: batch.id, count: 5000)
        }
        #expect(try await ledger.store.batch(batch.id).issuedCount == 0)
        #expect(try await ledger.store.verifyAudit(trustedKey: nil).isIntact)
    }

    @Test("A database locked by another writer fails after the busy timeout")
    func locked() async throws {
        let ledger = try TestLedger()
        let batch = try await ledger.batch()
        let other = try SQLiteLedger(path: ledger.location, station: "s", options: .init(busyTimeout: 0.2))
        try await ledger.sqlite.queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            #expect(throws: LedgerError("database \(ledger.location)", .locked(seconds: 0.2))) {
                try other.write { db in try db.execute(sql: "UPDATE batches SET quantity = quantity WHERE id = \(batch.id)") }
            }
        }
    }

    @Test("A ledger opened read-only refuses to issue")
    func readOnly() async throws {
        let ledger = try TestLedger()
        let batch = try await ledger.batch()
        let reader = try SQLiteLedger(path: ledger.location, station: "s", options: .init(readOnly: true))
        await #expect(throws: LedgerError.self) { try await reader.issue(batch: batch.id, count: 1) }
        #expect(try await reader.batch(batch.id).issuedCount == 0)
    }
}
