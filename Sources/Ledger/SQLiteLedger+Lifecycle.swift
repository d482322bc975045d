import Foundation
import GRDB

extension SQLiteLedger {
    /// Records all `changes` in one transaction (one durable commit for the whole group), or
    /// none: every change is checked and every refusal reported together.
    public func record(_ changes: [LabelChange]) async throws(LedgerError) {
        guard !changes.isEmpty else { return }
        try write { db in
            var recorder = try LabelRecorder(db, station: station)
            var refused: [LedgerError] = []
            for change in changes {
                do {
                    try recorder.record(change)
                } catch let error as LedgerError {
                    refused.append(error)
                }
            }
            if !refused.isEmpty {
                throw LedgerError("\(refused.count) of \(changes.count) label events", .refused(refused))
            }
        }
    }
}

/// Applies label steps inside one write transaction: looks the code up, checks the step,
/// appends the event and updates the derived rows.
struct LabelRecorder {
    private let db: Database
    private var chain: ChainAppender
    private let lookup: Statement
    private let update: Statement
    private let verification: Statement
    private var openBatches: [Int64: Bool] = [:]
    private let time = Timestamp.now()

    init(_ db: Database, station: String) throws {
        self.db = db
        chain = try ChainAppender(db, station: station)
        lookup = try db.cachedStatement(sql: "SELECT id, batch_id, state FROM codes WHERE scheme = ? AND value = ?")
        update = try db.cachedStatement(sql: "UPDATE codes SET state = ?, last_seq = ? WHERE id = ?")
        verification = try db.cachedStatement(sql: "INSERT INTO verifications (code_id, seq, passed, time) VALUES (?, ?, ?, ?)")
    }

    /// Returns the code's row id and batch.
    @discardableResult
    mutating func record(_ change: LabelChange) throws -> (id: Int64, batch: Int64) {
        let subject = "code \(change.code)"
        guard let row = try Row.fetchOne(lookup, arguments: [IssuedCode.gs1Scheme, change.code]) else {
            throw LedgerError(subject, .unknownCode)
        }
        let id: Int64 = row[0], batch: Int64 = row[1]
        if let expected = change.batch, expected != batch { throw LedgerError(subject, .codeInOtherBatch(batch)) }
        guard try isOpen(batch) else { throw LedgerError("\(subject) of batch \(batch)", .batchClosed) }
        let state = LabelState(rawValue: row[2]) ?? .voided
        guard let next = state.applying(change.event) else {
            throw LedgerError(subject, .illegalTransition(from: state, event: change.event))
        }
        let seq = try chain.append(time: time, batch: batch, code: change.code, kind: change.event.kind, details: change.event.details)
        update.setUncheckedArguments([next.rawValue, seq, id])
        try update.execute()
        if change.event == .verifiedPass || change.event == .verifiedFail {
            verification.setUncheckedArguments([id, seq, change.event == .verifiedPass, time])
            try verification.execute()
        }
        return (id, batch)
    }

    private mutating func isOpen(_ batch: Int64) throws -> Bool {
        if let open = openBatches[batch] { return open }
        let open = try String.fetchOne(db, sql: "SELECT state FROM batches WHERE id = ?", arguments: [batch]) == Batch.State.open.rawValue
        openBatches[batch] = open
        return open
    }
}
