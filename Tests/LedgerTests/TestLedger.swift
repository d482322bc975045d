import Foundation
import PostgresNIO
import PostgresTestSupport
import Testing
@testable import Ledger

/// Where a test's ledger is stored: the ledger's tests run against each backend.
enum LedgerBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let all = allCases

    var testDescription: String { rawValue }
}

/// A ledger of its own for one test: a real SQLite file in a fresh temporary folder, or a
/// fresh database on the PostgreSQL test server.
struct TestLedger {
    let backend: LedgerBackend
    let store: any LedgerStore
    /// The SQLite file's path, or the PostgreSQL database's URL without its password.
    let location: String
    private let postgres: PostgresLedger.Configuration?

    /// A SQLite ledger, with options only SQLite has.
    init(options: SQLiteLedger.Options = .init()) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)").path
        let path = folder + "/data/station.sqlite"
        self.init(backend: .sqlite, store: try SQLiteLedger(path: path, station: "line-1", options: options), location: path, postgres: nil)
    }

    init(_ backend: LedgerBackend) async throws {
        switch backend {
        case .sqlite:
            try self.init()
        case .postgres:
            let configuration = try await PostgresTestServer.freshDatabase()
            self.init(backend: backend, store: try await PostgresLedger(configuration: configuration, station: "line-1"),
                      location: configuration.displayURL, postgres: configuration)
        }
    }

    private init(backend: LedgerBackend, store: any LedgerStore, location: String, postgres: PostgresLedger.Configuration?) {
        self.backend = backend
        self.store = store
        self.location = location
        self.postgres = postgres
    }

    static let gtin = "06901234567892"

    /// The SQLite ledger itself, for tests of what only SQLite has.
    var sqlite: SQLiteLedger {
        get throws { try #require(store as? SQLiteLedger) }
    }

    func batch(quantity: Int = 100, overage: Int = 5, lot: String = "B1") async throws -> Batch {
        try await store.createBatch(BatchSpec(gtin: Self.gtin, lot: lot, quantity: quantity, overagePercent: overage))
    }

    /// The same ledger opened again, as by another process or, named, by another station.
    func reopened(station: String = "line-1") async throws -> any LedgerStore {
        if let postgres { return try await PostgresLedger(configuration: postgres, station: station) }
        return try SQLiteLedger(path: location, station: station)
    }

    /// The PostgreSQL database's settings; nil on SQLite.
    var postgresConfiguration: PostgresLedger.Configuration? { postgres }

    /// Runs raw SQL as the station's database user would, with the ledger's own guards on.
    func execute(_ sql: String) async throws {
        if let store = store as? PostgresLedger {
            try await store.write { connection in
                for statement in sql.split(separator: ";") {
                    try await PostgresLedger.run(PostgresQuery(unsafeSQL: String(statement)), on: connection)
                }
            }
        } else {
            try await sqlite.queue.write { db in try db.execute(sql: sql) }
        }
    }

    /// Runs raw SQL as someone editing the database outside the station would, with the
    /// append-only triggers out of the way.
    func tamper(_ sql: String) async throws {
        switch backend {
        case .sqlite:
            try await sqlite.queue.writeWithoutTransaction { db in
                try db.execute(sql: "DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete")
                try db.execute(sql: sql)
            }
        case .postgres:
            try await execute("ALTER TABLE events DISABLE TRIGGER USER; \(sql); ALTER TABLE events ENABLE TRIGGER USER")
        }
    }
}
