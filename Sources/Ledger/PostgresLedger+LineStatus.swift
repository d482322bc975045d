import PostgresNIO

/// The plant view's heartbeat table, `line_status` (migration v2), as on SQLite.
extension PostgresLedger {
    /// Upserts in one transaction without the writer lock: the rows are this station's alone
    /// and off the chain, so a heartbeat never waits behind another station's labels.
    public func publishLineStatus(_ lines: [PublishedLineStatus]) async throws(LedgerError) {
        try checkOwnStation(lines, station: station)
        guard !lines.isEmpty else { return }
        do {
            try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: Self.logger)
                do {
                    for line in lines {
                        try await Self.run("""
                            INSERT INTO line_status (station, line, updated_at, status)
                            VALUES (\(line.station), \(line.line), \(line.updatedAt), \(line.status))
                            ON CONFLICT (station, line) DO UPDATE SET updated_at = excluded.updated_at, status = excluded.status
                            """, on: connection)
                    }
                    try await connection.query("COMMIT", logger: Self.logger)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: Self.logger)
                    throw error
                }
            }
        } catch {
            throw Self.ledgerError(error, subject: subject)
        }
    }

    public func plantLineStatus() async throws(LedgerError) -> [PublishedLineStatus] {
        try await read { connection in
            try await Self.rows("SELECT station, line, updated_at, status FROM line_status ORDER BY station COLLATE \"C\", line COLLATE \"C\"", on: connection).map { row in
                let (station, line, updatedAt, status) = try row.decode((String, String, Int64, String).self)
                return PublishedLineStatus(station: station, line: line, updatedAt: updatedAt, status: status)
            }
        }
    }
}
