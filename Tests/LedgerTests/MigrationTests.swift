import Foundation
import GRDB
import Testing
@testable import Ledger

@Suite("Schema migrations")
struct MigrationTests {
    @Test("A ledger a newer TraceStation migrated is refused, and opening it changes nothing", arguments: LedgerBackend.all)
    func newerSchema(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        _ = try await ledger.store.issue(batch: batch.id, count: 3)
        let migrations = backend == .sqlite ? "grdb_migrations (identifier)" : "ledger_migrations (name, applied_at)"
        let future = backend == .sqlite ? "('v99: from the future')" : "('v99: from the future', 0)"
        try await ledger.execute("INSERT INTO \(migrations) VALUES \(future)")
        let before = try await ledger.store.verifyAudit(trustedKey: nil)

        await #expect(throws: LedgerError("database \(ledger.location)", .newerSchema)) { try await ledger.reopened() }

        let after = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(after.isIntact)
        #expect(after.summary == before.summary)
        #expect(try await ledger.store.batch(batch.id).issuedCount == 3)
    }

    // Version 1 exists on SQLite alone: the PostgreSQL history starts at SQLite's current schema.
    @Test("A version 1 ledger keeps its codes when opened, now keyed by product and serial")
    func fromVersion1() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/station.sqlite"
        let queue = try DatabaseQueue(path: path)
        try SQLiteLedger.migrator.migrate(queue, upTo: "v1: ledger")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO products (id, gtin) VALUES (7, '06901234567892');
                INSERT INTO batches (id, product_id, gtin, lot, quantity, overage_percent, domain, serial_length, created_at, state)
                    VALUES (3, 7, '06901234567892', 'B1', 10, 5, 'https://id.gs1.org', 12, 0, 'open');
                INSERT INTO codes (id, batch_id, scheme, value, element_string, gtin, serial, state, issued_at, last_seq)
                    VALUES (1, 3, 'GS1', 'https://id.gs1.org/01/06901234567892/10/B1/21/ABC', '', '06901234567892', 'ABC', 'issued', 0, 2);
                """)
        }
        try queue.close()

        let ledger = try SQLiteLedger(path: path, station: "line-1")
        let (product, indexes) = try ledger.queue.read { db in
            (try Int64.fetchOne(db, sql: "SELECT product_id FROM codes WHERE serial = 'ABC'"), try db.indexes(on: "codes"))
        }
        #expect(product == 7)
        #expect(indexes.contains { $0.isUnique && $0.columns == ["product_id", "serial"] })
        #expect(throws: (any Error).self) {
            try ledger.queue.write { db in
                try db.execute(sql: """
                    INSERT INTO codes (batch_id, product_id, scheme, value, element_string, gtin, serial, state, issued_at, last_seq)
                        VALUES (3, 7, 'GS1', 'other', '', '06901234567892', 'ABC', 'issued', 0, 3)
                    """)
            }
        }
    }
}
