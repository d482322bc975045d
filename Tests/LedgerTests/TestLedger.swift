import Foundation
@testable import Ledger

/// A ledger in a fresh temporary folder, on a real SQLite file.
struct TestLedger {
    let folder: String
    let path: String
    let store: SQLiteLedger

    init(options: SQLiteLedger.Options = .init()) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)").path
        path = folder + "/data/station.sqlite"
        store = try SQLiteLedger(path: path, station: "line-1", options: options)
    }

    static let gtin = "06901234567892"

    func batch(quantity: Int = 100, overage: Int = 5, lot: String = "B1") async throws -> Batch {
        try await store.createBatch(BatchSpec(gtin: Self.gtin, lot: lot, quantity: quantity, overagePercent: overage))
    }

    /// Runs raw SQL as someone editing the file outside the station would, triggers dropped.
    func tamper(_ sql: String) throws {
        try store.queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete")
            try db.execute(sql: sql)
        }
    }
}
