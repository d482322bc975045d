import Foundation
import GRDB

extension SQLiteLedger {
    /// Records all `changes` durably, or none: every change is checked and every refusal
    /// reported together. Calls made while another commit is in flight share the next
    /// commit (`GroupCommit`); each call stays all-or-nothing on its own.
    public func record(_ changes: [LabelChange]) async throws(LedgerError) {
        guard !changes.isEmpty else { return }
        try await groupCommit.record(changes)
    }

    /// One transaction for several callers' requests; a refused request is rolled back to
    /// its savepoint and the others are kept.
    static func commit(_ requests: [[LabelChange]], queue: any DatabaseWriter, station: String, subject: String,
                       busyTimeout: Double) async -> Result<[LedgerError?], LedgerError> {
        do {
            return .success(try await queue.writeWithoutTransaction { db in
                var refusals: [LedgerError?] = []
                try db.inTransaction(.immediate) {
                    var recorder = try LabelRecorder(db, station: station)
                    for changes in requests {
                        refusals.append(try recorder.record(all: changes))
                    }
                    return .commit
                }
                return refusals
            })
        } catch {
            return .failure(ledgerError(error, subject: subject, busyTimeout: busyTimeout))
        }
    }
}

/// Applies label steps inside one write transaction: looks the code up, checks the step,
/// appends the event and updates the derived rows.
struct LabelRecorder {
    private let db: Database
    var chain: ChainAppender
    private let lookup: Statement
    private let update: Statement
    private let verification: Statement
    private var openBatches: [Int64: Bool] = [:]
    private var products: [Substring: Int64] = [:]
    private let time = Timestamp.now()

    init(_ db: Database, station: String) throws {
        self.db = db
        chain = try ChainAppender(db, station: station)
        lookup = try db.cachedStatement(sql: "SELECT id, batch_id, state, scheme, value FROM codes WHERE product_id = ? AND serial = ?")
        update = try db.cachedStatement(sql: "UPDATE codes SET state = ?, last_seq = ? WHERE id = ?")
        verification = try db.cachedStatement(sql: "INSERT INTO verifications (code_id, seq, passed, time) VALUES (?, ?, ?, ?)")
    }

    /// Records every change of one request, or none of them: returns the refusal after
    /// undoing the request's own writes. A single change is checked before anything is
    /// written, so it needs no savepoint.
    mutating func record(all changes: [LabelChange]) throws -> LedgerError? {
        let saved = self
        let needsSavepoint = changes.count > 1
        if needsSavepoint { try db.execute(sql: "SAVEPOINT request") }
        var refused: [LedgerError] = []
        for change in changes {
            do {
                try record(change)
            } catch let error as LedgerError {
                refused.append(error)
            }
        }
        if needsSavepoint {
            if !refused.isEmpty { try db.execute(sql: "ROLLBACK TO request") }
            try db.execute(sql: "RELEASE request")
        }
        guard !refused.isEmpty else { return nil }
        self = saved
        return LedgerError("\(refused.count) of \(changes.count) label events", .refused(refused))
    }

    /// Returns the code's row id and batch. `time` is now, or a replayed step's own time.
    @discardableResult
    mutating func record(_ change: LabelChange, at time: Int64? = nil) throws -> (id: Int64, batch: Int64) {
        guard let key = CodeKey(digitalLink: change.code), let product = try product(key.gtin),
              let row = try Row.fetchOne(lookup, arguments: [product, String(key.serial)]) else {
            throw LedgerError("code \(change.code)", .unknownCode)
        }
        let id: Int64 = row[0], batch: Int64 = row[1]
        let next = try LabelStepRule.next(after: change, batch: batch, state: row[2], scheme: row[3], value: row[4],
                                          batchIsOpen: try isOpen(batch))
        let time = time ?? self.time
        let seq = try chain.append(time: time, batch: batch, code: change.code, kind: change.event.kind, details: change.event.details)
        try update.execute(arguments: [next.rawValue, seq, id])
        if change.event == .verifiedPass || change.event == .verifiedFail {
            try verification.execute(arguments: [id, seq, change.event == .verifiedPass, time])
        }
        return (id, batch)
    }

    private mutating func product(_ gtin: Substring) throws -> Int64? {
        if let id = products[gtin] { return id }
        let id = try Int64.fetchOne(db, sql: "SELECT id FROM products WHERE gtin = ?", arguments: [String(gtin)])
        if let id { products[gtin] = id }
        return id
    }

    private mutating func isOpen(_ batch: Int64) throws -> Bool {
        if let open = openBatches[batch] { return open }
        let open = try String.fetchOne(db, sql: "SELECT state FROM batches WHERE id = ?", arguments: [batch]) == Batch.State.open.rawValue
        openBatches[batch] = open
        return open
    }
}
