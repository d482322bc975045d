import GRDB

extension SQLiteLedger {
    public func reconcile(batch id: Int64) async throws(LedgerError) -> Reconciliation {
        try read { db in
            _ = try Self.fetchBatch(db, id)
            return try Self.reconcile(db, scope: .batch(id))
        }
    }

    public func reconcile(from: Int64, to: Int64) async throws(LedgerError) -> Reconciliation {
        guard from < to else { throw LedgerError("shift", .invalidInput("the window must end after it starts")) }
        return try read { db in try Self.reconcile(db, scope: .shift(from: from, to: to)) }
    }

    /// One aggregate over a covering index: (batch_id, state, reprint_of) for a batch,
    /// (issued_at, state, reprint_of) for a shift.
    static func reconcile(_ db: Database, scope: Reconciliation.Scope) throws -> Reconciliation {
        let rows: [Row]
        switch scope {
        case .batch(let id):
            rows = try Row.fetchAll(db, sql: """
                SELECT state, count(*), count(reprint_of) FROM codes WHERE batch_id = ? GROUP BY state
                """, arguments: [id])
        case .shift(let from, let to):
            rows = try Row.fetchAll(db, sql: """
                SELECT state, count(*), count(reprint_of) FROM codes WHERE issued_at >= ? AND issued_at < ? GROUP BY state
                """, arguments: [from, to])
        }
        var counts: [LabelState: Int] = [:]
        var reprinted = 0
        for row in rows {
            let state: String = row[0]
            guard let label = LabelState(rawValue: state) else {
                throw LedgerError("codes table", .storage("unknown state '\(state)'; run `tracestation audit verify`"))
            }
            counts[label] = row[1]
            reprinted += row[2] as Int
        }
        return Reconciliation(scope: scope, counts: counts, reprinted: reprinted)
    }
}
