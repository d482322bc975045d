import Foundation
import Testing
@testable import Ledger

@Suite("Storage faults")
struct StorageErrorTests {
    // A file's faults: PostgreSQL has no file, and the server's faults are in PostgresConnectionTests.
    @Test("A file that is not a database gives a clear error naming it")
    func notADatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/station.sqlite"
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        #expect(throws: LedgerError("database \(path)", .notADatabase)) { try SQLiteLedger(path: path, station: "s") }
    }

    // SQLite alone can be capped (max_page_count); a PostgreSQL server's disk cannot be filled here.
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

    // SQLite alone gives up on a lock after a timeout; PostgreSQL writers queue on the writer lock.
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

    @Test("A read-only ledger refuses to issue, and issues nothing", arguments: LedgerBackend.all)
    func readOnly(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let reader: any LedgerStore
        switch backend {
        case .sqlite:
            reader = try SQLiteLedger(path: ledger.location, station: "s", options: .init(readOnly: true))
        case .postgres:
            // What a database administrator's read-only replica or role looks like to the ledger.
            let database = ledger.location.split(separator: "/").last.map(String.init) ?? ""
            try await ledger.execute("ALTER DATABASE \(database) SET default_transaction_read_only = on")
            reader = try await ledger.reopened()
        }
        await #expect(throws: LedgerError("database \(ledger.location)", .readOnly)) { try await reader.issue(batch: batch.id, count: 1) }
        #expect(try await reader.batch(batch.id).issuedCount == 0)
    }
}
