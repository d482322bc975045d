import GRDB
import GRDBSQLite

/// An insert run once per row in a hot loop (issued codes, chain events), bound value by
/// value on the raw connection: building `StatementArguments` for every row cost as much as
/// SQLite's own work. Used only inside the transaction of the `Database` it was made on.
final class RowStatement {
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private let connection: OpaquePointer
    private let statement: OpaquePointer
    private let sql: String

    init(_ db: Database, sql: String) throws {
        connection = db.sqliteConnection!
        self.sql = sql
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            sqlite3_finalize(prepared)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        statement = prepared
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Parameters are numbered from 1, as in SQLite.
    func bind(_ value: Int64?, at index: Int32) {
        _ = value.map { sqlite3_bind_int64(statement, index, $0) } ?? sqlite3_bind_null(statement, index)
    }

    func bind(_ text: String?, at index: Int32) {
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        _ = text.withUTF8 { sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
    }

    func bind(_ bytes: [UInt8], at index: Int32) {
        _ = bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
    }

    /// Runs the statement with the values bound; returns how many rows it changed (0 when
    /// `INSERT OR IGNORE` ignored the row).
    @discardableResult
    func run() throws -> Int {
        defer { sqlite3_reset(statement) }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        return Int(sqlite3_changes(connection))
    }
}
