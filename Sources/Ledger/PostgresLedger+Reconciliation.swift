import PostgresNIO

extension PostgresLedger {
    public func reconcile(batch id: Int64) async throws(LedgerError) -> Reconciliation {
        try await read { connection in
            _ = try await Self.fetchBatch(id, on: connection)
            return try await Self.reconcile(scope: .batch(id), countingReports: true, on: connection)
        }
    }

    public func codes(batch id: Int64, in state: LabelState) async throws(LedgerError) -> [IssuedCode] {
        try await read { [station] connection in
            _ = try await Self.fetchBatch(id, on: connection)
            return try await Self.rows("""
                SELECT c.scheme, c.value, c.element_string, c.serial, original.value
                FROM codes c LEFT JOIN codes original ON original.id = c.reprint_of
                WHERE c.batch_id = \(id) AND c.state = \(state.rawValue) AND NOT EXISTS (
                    SELECT 1 FROM code_leases l
                    WHERE l.batch_id = c.batch_id AND c.id BETWEEN l.first_code_id AND l.last_code_id AND l.station <> \(station))
                ORDER BY c.id
                """, on: connection).map { row in
                let (scheme, value, elementString, serial, reprintOf) = try row.decode((String, String, String, String, String?).self)
                return IssuedCode(scheme: scheme, value: value, elementString: elementString, serial: serial, batch: id, reprintOf: reprintOf)
            }
        }
    }

    public func reconcile(from: Int64, to: Int64) async throws(LedgerError) -> Reconciliation {
        guard from < to else { throw LedgerError("shift", .invalidInput("the window must end after it starts")) }
        return try await read { connection in try await Self.reconcile(scope: .shift(from: from, to: to), countingReports: true, on: connection) }
    }

    /// One aggregate over the same covering indexes as SQLite's; with `countingReports`, also
    /// the codes queued in reports and those acknowledged (a checkpoint signs the label
    /// counts alone).
    static func reconcile(scope: Reconciliation.Scope, countingReports: Bool = false, on connection: PostgresConnection)
        async throws -> Reconciliation {
        let filter: PostgresQuery = switch scope {
        case .batch(let id): "SELECT state, count(*), count(reprint_of) FROM codes WHERE batch_id = \(id) GROUP BY state"
        case .shift(let from, let to):
            "SELECT state, count(*), count(reprint_of) FROM codes WHERE issued_at >= \(from) AND issued_at < \(to) GROUP BY state"
        }
        let stateRows = try await rows(filter, on: connection).map { row in
            let (state, count, reprinted) = try row.decode((String, Int, Int).self)
            return (state: state, count: count, reprinted: reprinted)
        }
        guard countingReports else { return try Reconciliation(scope: scope, stateRows: stateRows) }
        let reporting: PostgresQuery = switch scope {
        case .batch(let id):
            """
            SELECT count(DISTINCT rc.code_id), count(DISTINCT CASE WHEN ch.state = 'delivered' THEN rc.code_id END)
            FROM reports r JOIN report_chunks ch ON ch.report_id = r.id JOIN reported_codes rc ON rc.chunk_id = ch.id
            WHERE r.batch_id = \(id) AND rc.kind = 'commissioned'
            """
        case .shift(let from, let to):
            """
            SELECT count(DISTINCT rc.code_id), count(DISTINCT CASE WHEN ch.state = 'delivered' THEN rc.code_id END)
            FROM reported_codes rc JOIN codes c ON c.id = rc.code_id JOIN report_chunks ch ON ch.id = rc.chunk_id
            WHERE rc.kind = 'commissioned' AND c.issued_at >= \(from) AND c.issued_at < \(to)
            """
        }
        let (reported, acknowledged) = try await rows(reporting, on: connection)[0].decode((Int, Int).self)
        return try Reconciliation(scope: scope, stateRows: stateRows, reported: reported, acknowledged: acknowledged)
    }
}
