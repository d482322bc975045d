import Foundation
import GRDB

/// The ledger in one SQLite file (WAL, `synchronous = FULL`).
///
/// FULL rather than NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and a
/// code shown to the line must never be forgotten. Writes take the lock up front
/// (`BEGIN IMMEDIATE`) and read the chain head inside the transaction, so several processes
/// (the station and `tracestation batch …`) can share one file.
public final class SQLiteLedger: LedgerStore {
    public struct Options: Sendable {
        /// How long a write waits for another process's lock before failing.
        public var busyTimeout: Double = 5
        /// Opens for reading only: audit and reports on a copy or read-only medium.
        public var readOnly = false
        /// Caps the file at this many pages (`max_page_count`); the disk-full test uses it.
        public var maximumPageCount: Int?

        public init(busyTimeout: Double = 5, readOnly: Bool = false, maximumPageCount: Int? = nil) {
            self.busyTimeout = busyTimeout
            self.readOnly = readOnly
            self.maximumPageCount = maximumPageCount
        }
    }

    public static let defaultPath = "./data/station.sqlite"

    public let path: String
    /// Written into every event this ledger appends.
    public let station: String
    let options: Options
    /// A pool when writable: in WAL mode its readers work beside the one writer, so a count
    /// for the dashboard never waits for a durable commit. A plain queue when read-only.
    let queue: any DatabaseWriter
    let groupCommit: GroupCommit

    public init(path: String, station: String, options: Options = Options()) throws(LedgerError) {
        self.path = path
        self.station = station
        self.options = options
        let subject = "database \(path)"
        let folder = (path as NSString).deletingLastPathComponent
        if !options.readOnly, !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw LedgerError(subject, .cannotOpen("cannot create folder \(folder); check that its parent exists and is writable"))
            }
        }
        if options.readOnly, !FileManager.default.fileExists(atPath: path) {
            throw LedgerError(subject, .cannotOpen("no such file; give the station's database"))
        }
        var configuration = Configuration()
        configuration.readonly = options.readOnly
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.label = "ledger"
        configuration.prepareDatabase { [options] db in
            if !options.readOnly {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                // Codes have random serials, so each block touches index pages all over the
                // file; checkpointing every 64 MiB of WAL rather than every 4 MiB writes each
                // such page to the database once per many blocks instead of once per block.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 64 MiB of page cache keeps the code indexes of a large batch in memory.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            if let pages = options.maximumPageCount {
                try db.execute(sql: "PRAGMA max_page_count = \(pages)")
            }
        }
        let queue: any DatabaseWriter
        do {
            queue = options.readOnly ? try DatabaseQueue(path: path, configuration: configuration)
                : try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.ledgerError(error, subject: subject, busyTimeout: options.busyTimeout)
        }
        self.queue = queue
        groupCommit = GroupCommit { [station, options] requests in
            await Self.commit(requests, queue: queue, station: station, subject: subject, busyTimeout: options.busyTimeout)
        }
        try migrate()
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction, mapping storage failures.
    func write<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.ledgerError(error, subject: "database \(path)", busyTimeout: options.busyTimeout)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Self.ledgerError(error, subject: "database \(path)", busyTimeout: options.busyTimeout)
        }
    }

    /// Our own errors pass through; SQLite's become what an operator can act on.
    static func ledgerError(_ error: any Error, subject: String, busyTimeout: Double) -> LedgerError {
        if let error = error as? LedgerError { return error }
        guard let error = error as? DatabaseError else { return LedgerError(subject, .storage("\(error)")) }
        switch error.resultCode {
        case .SQLITE_READONLY: return LedgerError(subject, .readOnly)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return LedgerError(subject, .locked(seconds: busyTimeout))
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return LedgerError(subject, .notADatabase)
        case .SQLITE_FULL: return LedgerError(subject, .full)
        case .SQLITE_CANTOPEN: return LedgerError(subject, .cannotOpen((error.message ?? "unknown reason") + "; check that the folder exists and is writable"))
        default: return LedgerError(subject, .storage("\(error.message ?? "SQLite error") (code \(error.extendedResultCode.rawValue))"))
        }
    }
}
