import GRDB

/// The plant view's heartbeat table, `line_status` (migration v4): one row per station and
/// line, replaced on each publish; no event, so the chain and the audit never see it.
extension SQLiteLedger {
    public func publishLineStatus(_ lines: [PublishedLineStatus]) async throws(LedgerError) {
        try checkOwnStation(lines, station: station)
        guard !lines.isEmpty else { return }
        try write { db in
            for line in lines {
                try db.execute(sql: """
                    INSERT INTO line_status (station, line, updated_at, status) VALUES (?, ?, ?, ?)
                    ON CONFLICT (station, line) DO UPDATE SET updated_at = excluded.updated_at, status = excluded.status
                    """, arguments: [line.station, line.line, line.updatedAt, line.status])
            }
        }
    }

    public func plantLineStatus() async throws(LedgerError) -> [PublishedLineStatus] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT station, line, updated_at, status FROM line_status ORDER BY station, line").map { row in
                PublishedLineStatus(station: row["station"], line: row["line"], updatedAt: row["updated_at"], status: row["status"])
            }
        }
    }
}

/// Refuses a row naming another station than the ledger's: each station owns its rows.
func checkOwnStation(_ lines: [PublishedLineStatus], station: String) throws(LedgerError) {
    if let other = lines.first(where: { $0.station != station }) {
        throw LedgerError("line status of \(other.station)/\(other.line)",
                          .invalidInput("this ledger publishes for station \(station) only"))
    }
}
