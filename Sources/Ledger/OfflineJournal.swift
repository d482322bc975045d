import Foundation
import GRDB

/// A station's own SQLite file beside a shared ledger: the codes leased to it, and the label
/// steps it recorded while the shared ledger was out of reach, until they are replayed.
///
/// Every write is durable before it returns (WAL, `synchronous = FULL`), as in the ledger:
/// a code shown to the line or a step taken on the line is never forgotten. The steps form a
/// hash chain of their own (`EventHash`, from the genesis hash), so the journal is as
/// tamper-evident as the ledger it stands in for; each replay names the journal's head hash
/// on the ledger's chain. Steps are kept after their replay, marked synced, as the station's
/// record; steps the ledger refused are kept with the refusal for the lead.
public final class OfflineJournal: Sendable {
    public let path: String
    public let station: String
    private let queue: DatabaseQueue

    public init(path: String, station: String) throws(LedgerError) {
        self.path = path
        self.station = station
        let subject = "offline journal \(path)"
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = Configuration()
            configuration.label = "offline-journal"
            configuration.busyMode = .timeout(5)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = Self.migrator
            try queue.read { db in
                guard try !migrator.hasBeenSuperseded(db) else { throw LedgerError(subject, .newerSchema) }
            }
            try migrator.migrate(queue)
        } catch {
            throw SQLiteLedger.ledgerError(error, subject: subject, busyTimeout: 5)
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("journal v1") { db in
            try db.execute(sql: """
                CREATE TABLE leased_codes (
                    position INTEGER PRIMARY KEY,
                    value TEXT NOT NULL UNIQUE,
                    batch_id INTEGER NOT NULL,
                    scheme TEXT NOT NULL,
                    element_string TEXT NOT NULL,
                    serial TEXT NOT NULL,
                    taken INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX leased_codes_available ON leased_codes(batch_id, taken, position);
                CREATE TABLE steps (
                    seq INTEGER PRIMARY KEY,
                    time INTEGER NOT NULL,
                    batch_id INTEGER,
                    code TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    details TEXT NOT NULL,
                    may_be_recorded INTEGER NOT NULL,
                    prev_hash BLOB NOT NULL,
                    hash BLOB NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'synced', 'refused')),
                    refusal TEXT
                );
                CREATE INDEX steps_by_state ON steps(state, seq);
                """)
        }
        return migrator
    }

    private func write<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw SQLiteLedger.ledgerError(error, subject: "offline journal \(path)", busyTimeout: 5)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw SQLiteLedger.ledgerError(error, subject: "offline journal \(path)", busyTimeout: 5)
        }
    }

    // MARK: Leased codes

    /// Keeps codes just leased from the shared ledger, in their order.
    public func add(_ codes: [IssuedCode]) throws(LedgerError) {
        try write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO leased_codes (value, batch_id, scheme, element_string, serial) VALUES (?, ?, ?, ?, ?)
                """)
            for code in codes {
                try insert.execute(arguments: [code.value, code.batch, code.scheme, code.elementString, code.serial])
            }
        }
    }

    /// Takes up to `count` of the batch's leased codes not yet taken, oldest first.
    public func take(batch: Int64, count: Int) throws(LedgerError) -> [IssuedCode] {
        try write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT position, value, scheme, element_string, serial FROM leased_codes
                WHERE batch_id = ? AND taken = 0 ORDER BY position LIMIT ?
                """, arguments: [batch, count])
            guard let first = rows.first, let last = rows.last else { return [] }
            try db.execute(sql: "UPDATE leased_codes SET taken = 1 WHERE batch_id = ? AND taken = 0 AND position BETWEEN ? AND ?",
                           arguments: [batch, first["position"] as Int64, last["position"] as Int64])
            return rows.map { row in
                IssuedCode(scheme: row["scheme"], value: row["value"], elementString: row["element_string"], serial: row["serial"],
                           batch: batch, reprintOf: nil)
            }
        }
    }

    /// Marks codes taken however they were handed out (a restart's unsent codes).
    public func markTaken(_ values: [String]) throws(LedgerError) {
        try write { db in
            let update = try db.cachedStatement(sql: "UPDATE leased_codes SET taken = 1 WHERE value = ?")
            for value in values { try update.execute(arguments: [value]) }
        }
    }

    /// The batch of a code leased to the station; nil for a code it never leased.
    public func batch(ofLeased value: String) throws(LedgerError) -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT batch_id FROM leased_codes WHERE value = ?", arguments: [value]) }
    }

    /// The batch's leased codes not yet taken.
    public func available(batch: Int64) throws(LedgerError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM leased_codes WHERE batch_id = ? AND taken = 0", arguments: [batch]) ?? 0
        }
    }

    // MARK: Steps

    /// Appends steps to the journal's chain, durably, all or none.
    public func append(_ changes: [LabelChange], mayBeRecorded: Bool, time: Int64 = Timestamp.now()) throws(LedgerError) {
        guard !changes.isEmpty else { return }
        try write { db in
            var (seq, head) = try Self.head(db)
            var encoding: [UInt8] = []
            let insert = try db.cachedStatement(sql: """
                INSERT INTO steps (seq, time, batch_id, code, kind, details, may_be_recorded, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for change in changes {
                seq += 1
                let kind = change.event.kind.rawValue, details = change.event.details
                let hash = EventHash.hash(previous: head, seq: seq, time: time, station: station, batch: change.batch,
                                          code: change.code, kind: kind, details: details, encoding: &encoding)
                try insert.execute(arguments: [seq, time, change.batch, change.code, kind, details, mayBeRecorded, Data(head), Data(hash)])
                head = hash
            }
        }
    }

    private static func head(_ db: Database) throws -> (seq: Int64, hash: [UInt8]) {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM steps ORDER BY seq DESC LIMIT 1") else {
            return (0, EventHash.genesis)
        }
        return (row[0], [UInt8](row[1] as Data))
    }

    /// The oldest steps not yet replayed, at most `limit`, with the journal's hash after the
    /// last of them; nil when none is pending.
    public func pending(limit: Int) throws(LedgerError) -> JournalSegment? {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT seq, time, batch_id, code, kind, details, may_be_recorded, hash FROM steps
                WHERE state = 'pending' ORDER BY seq LIMIT ?
                """, arguments: [limit])
            guard let last = rows.last else { return nil }
            let entries = rows.compactMap { row -> JournaledChange? in
                guard let kind = EventKind(rawValue: row["kind"]), let event = LabelEvent(kind: kind, details: row["details"]) else {
                    return nil
                }
                return JournaledChange(seq: row["seq"], time: row["time"],
                                       change: LabelChange(code: row["code"], event: event, batch: row["batch_id"]),
                                       mayBeRecorded: row["may_be_recorded"])
            }
            return JournalSegment(entries: entries, headHash: [UInt8](last["hash"] as Data))
        }
    }

    /// Marks the segment's steps replayed, those refused with the ledger's reason.
    public func settle(_ segment: JournalSegment, outcome: ReplayOutcome) throws(LedgerError) {
        guard let first = segment.entries.first, let last = segment.entries.last else { return }
        try write { db in
            try db.execute(sql: "UPDATE steps SET state = 'synced' WHERE state = 'pending' AND seq BETWEEN ? AND ?",
                           arguments: [first.seq, last.seq])
            let refuse = try db.cachedStatement(sql: "UPDATE steps SET state = 'refused', refusal = ? WHERE seq = ?")
            for refusal in outcome.refusals {
                try refuse.execute(arguments: [refusal.error.description, refusal.seq])
            }
        }
    }

    /// Steps by state: how many wait for the ledger, and how many it refused.
    public func counts() throws(LedgerError) -> (pending: Int, refused: Int) {
        try read { db in
            let pending = try Int.fetchOne(db, sql: "SELECT count(*) FROM steps WHERE state = 'pending'") ?? 0
            let refused = try Int.fetchOne(db, sql: "SELECT count(*) FROM steps WHERE state = 'refused'") ?? 0
            return (pending, refused)
        }
    }

    /// A step in the journal, as the lead sees it.
    public struct Step: Sendable, Equatable {
        public let seq: Int64
        public let time: Int64
        public let batch: Int64?
        public let code: String
        public let kind: String
        /// Why the shared ledger refused it; nil for a step not refused.
        public let refusal: String?
    }

    /// The latest steps the shared ledger refused, newest first, at most `limit`.
    public func refusedSteps(limit: Int) throws(LedgerError) -> [Step] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT seq, time, batch_id, code, kind, refusal FROM steps WHERE state = 'refused' ORDER BY seq DESC LIMIT ?
                """, arguments: [limit]).map { row in
                Step(seq: row["seq"], time: row["time"], batch: row["batch_id"], code: row["code"], kind: row["kind"], refusal: row["refusal"])
            }
        }
    }

    /// Checks the journal's own chain; returns the first break, or nil when intact.
    public func verifyChain() throws(LedgerError) -> String? {
        try read { db in
            var head = EventHash.genesis, expectedSeq: Int64 = 1
            var encoding: [UInt8] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT seq, time, batch_id, code, kind, details, prev_hash, hash FROM steps ORDER BY seq")
            while let row = try rows.next() {
                let seq: Int64 = row[0]
                guard seq == expectedSeq else { return "step \(seq): expected step \(expectedSeq); steps were deleted or inserted" }
                let hash = EventHash.hash(previous: head, seq: seq, time: row[1], station: station, batch: row[2], code: row[3],
                                          kind: row[4], details: row[5], encoding: &encoding)
                guard [UInt8](row[6] as Data) == head, [UInt8](row[7] as Data) == hash else {
                    return "step \(seq): its hash does not match; the journal was edited outside the station"
                }
                head = hash
                expectedSeq += 1
            }
            return nil
        }
    }
}
