import GRDB

extension SQLiteLedger {
    public func reconcile(batch id: Int64) async throws(LedgerError) -> Reconciliation {
        try read { db in
            _ = try Self.fetchBatch(db, id)
            return try Self.reconcile(db, scope: .batch(id), countingReports: true)
        }
    }

    public func codes(batch id: Int64, in state: LabelState) async throws(LedgerError) -> [IssuedCode] {
        try read { db in
            _ = try Self.fetchBatch(db, id)
            return try Row.fetchAll(db, sql: """
                SELECT c.scheme, c.value, c.element_string, c.serial, original.value AS reprint_of
                FROM codes c LEFT JOIN codes original ON original.id = c.reprint_of
                WHERE c.batch_id = ? AND c.state = ? AND NOT EXISTS (
                    SELECT 1 FROM code_leases l
                    WHERE l.batch_id = c.batch_id AND c.id BETWEEN l.first_code_id AND l.last_code_id AND l.station <> ?)
                ORDER BY c.id
                """, arguments: [id, state.rawValue, station]).map { row in
                IssuedCode(scheme: row["scheme"], value: row["value"], elementString: row["element_string"], serial: row["serial"],
                           batch: id, reprintOf: row["reprint_of"])
            }
        }
    }

    public func reconcile(from: Int64, to: Int64) async throws(LedgerError) -> Reconciliation {
        guard from < to else { throw LedgerError("shift", .invalidInput("the window must end after it starts")) }
        return try read { db in try Self.reconcile(db, scope: .shift(from: from, to: to), countingReports: true) }
    }

    /// One aggregate over a covering index: (batch_id, state, reprint_of) for a batch,
    /// (issued_at, state, reprint_of) for a shift. With `countingReports`, also the codes
    /// queued in reports and those acknowledged (a checkpoint signs the label counts alone).
    static func reconcile(_ db: Database, scope: Reconciliation.Scope, countingReports: Bool = false) throws -> Reconciliation {
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
        let stateRows = rows.map { row in (state: row[0] as String, count: row[1] as Int, reprinted: row[2] as Int) }
        guard countingReports else { return try Reconciliation(scope: scope, stateRows: stateRows) }
        let reporting = try reportingCounts(db, scope: scope)
        return try Reconciliation(scope: scope, stateRows: stateRows, reported: reporting.reported, acknowledged: reporting.acknowledged)
    }

    /// Distinct commissioned codes in queued reports, and in delivered chunks, whatever the
    /// destination: a batch's reports go through its reports' chunks, a shift's through its codes.
    private static func reportingCounts(_ db: Database, scope: Reconciliation.Scope) throws -> (reported: Int, acknowledged: Int) {
        let row: Row?
        switch scope {
        case .batch(let id):
            row = try Row.fetchOne(db, sql: """
                SELECT count(DISTINCT rc.code_id), count(DISTINCT CASE WHEN ch.state = 'delivered' THEN rc.code_id END)
                FROM reports r JOIN report_chunks ch ON ch.report_id = r.id JOIN reported_codes rc ON rc.chunk_id = ch.id
                WHERE r.batch_id = ? AND rc.kind = 'commissioned'
                """, arguments: [id])
        case .shift(let from, let to):
            row = try Row.fetchOne(db, sql: """
                SELECT count(DISTINCT rc.code_id), count(DISTINCT CASE WHEN ch.state = 'delivered' THEN rc.code_id END)
                FROM reported_codes rc JOIN codes c ON c.id = rc.code_id JOIN report_chunks ch ON ch.id = rc.chunk_id
                WHERE rc.kind = 'commissioned' AND c.issued_at >= ? AND c.issued_at < ?
                """, arguments: [from, to])
        }
        return (row?[0] ?? 0, row?[1] ?? 0)
    }
}
