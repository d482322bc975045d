import Foundation
import GRDB

/// The reporting outbox (migration v3). Plain SQL, so the same statements serve PostgreSQL.
extension SQLiteLedger {
    public func reportableRecords(batch id: Int64, destination: String?) async throws(LedgerError) -> ReportableRecords {
        try read { db in try Self.reportable(db, batch: Self.fetchBatch(db, id), destination: destination).records }
    }

    public func enqueueReport(batch id: Int64, destination: String, build: (ReportDraft) throws -> [OutboxChunk])
        async throws(LedgerError) -> QueuedReport? {
        try write { db in
            let batch = try Self.fetchBatch(db, id)
            let (records, codeIDs) = try Self.reportable(db, batch: batch, destination: destination)
            guard !records.isEmpty else { return nil }
            try db.execute(sql: "INSERT INTO report_destinations (url) VALUES (?) ON CONFLICT (url) DO NOTHING", arguments: [destination])
            let destinationID = try Int64.fetchOne(db, sql: "SELECT id FROM report_destinations WHERE url = ?", arguments: [destination])!
            let createdAt = Timestamp.now()
            try db.execute(sql: """
                INSERT INTO reports (batch_id, destination_id, station, created_at, code_count, void_count, chunk_count)
                VALUES (?, ?, ?, ?, ?, ?, 0)
                """, arguments: [id, destinationID, station, createdAt, records.codes.count, records.voids.count])
            let number = db.lastInsertedRowID
            let subject = "report \(number) of batch \(id) to \(destination)"
            let draft = ReportDraft(number: number, createdAt: createdAt, station: station, records: records)
            let chunks = try ReportableRecordsBuilder.build(draft, subject: subject, with: build)
            try db.execute(sql: "UPDATE reports SET chunk_count = ? WHERE id = ?", arguments: [chunks.count, number])

            let reported = try RowStatement(db, sql: "INSERT INTO reported_codes (destination_id, kind, code_id, chunk_id) VALUES (?, ?, ?, ?)")
            reported.bind(destinationID, at: 1)
            for (index, chunk) in chunks.enumerated() {
                try db.execute(sql: """
                    INSERT INTO report_chunks (report_id, chunk_index, idempotency_key, body, code_count, void_count, first_code,
                                               state, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)
                    """, arguments: [number, index + 1, chunk.idempotencyKey, Data(chunk.body), chunk.codes.count, chunk.voids.count,
                                     chunk.codes.first ?? chunk.voids.first, createdAt])
                let chunkID = db.lastInsertedRowID
                reported.bind(chunkID, at: 4)
                for (kind, values) in [("commissioned", chunk.codes), ("voided", chunk.voids)] {
                    reported.bind(kind, at: 2)
                    for value in values {
                        reported.bind(codeIDs[value]!, at: 3)
                        try reported.run()
                    }
                }
            }
            return QueuedReport(number: number, batch: id, destination: destination, station: station, createdAt: createdAt,
                                codes: records.codes.count, voids: records.voids.count, chunks: chunks.count)
        }
    }

    public func dueChunks(now: Int64, limit: Int, destination: String?, excluding: Set<Int64>)
        async throws(LedgerError) -> [DueChunk] {
        // Chunks already in flight are left out here, so their bodies are not read again.
        let skipped = excluding.isEmpty ? "" : "AND ch.id NOT IN (\(excluding.sorted().map(String.init).joined(separator: ",")))"
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT ch.id, ch.report_id, r.batch_id, d.url, ch.chunk_index, r.chunk_count, ch.idempotency_key, ch.body,
                       ch.code_count, ch.void_count, ch.attempts, ch.next_attempt_at
                FROM report_chunks ch JOIN reports r ON r.id = ch.report_id JOIN report_destinations d ON d.id = r.destination_id
                WHERE ch.state = 'pending' AND ch.next_attempt_at <= ? AND (? IS NULL OR d.url = ?) \(skipped)
                ORDER BY ch.next_attempt_at, ch.id LIMIT ?
                """, arguments: [now, destination, destination, limit]).map { row in
                DueChunk(id: row[0], report: row[1], batch: row[2], destination: row[3], index: row[4], chunkCount: row[5],
                         idempotencyKey: row[6], body: [UInt8](row[7] as Data), codes: row[8], voids: row[9], attempts: row[10],
                         nextAttemptAt: row[11])
            }
        }
    }

    public func nextAttemptTime(destination: String?) async throws(LedgerError) -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT min(ch.next_attempt_at)
                FROM report_chunks ch JOIN reports r ON r.id = ch.report_id JOIN report_destinations d ON d.id = r.destination_id
                WHERE ch.state = 'pending' AND (? IS NULL OR d.url = ?)
                """, arguments: [destination, destination])
        }
    }

    @discardableResult
    public func acknowledge(chunk id: Int64, receipt: String) async throws(LedgerError) -> Bool {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT ch.state, ch.idempotency_key, ch.code_count, r.id, r.batch_id, d.url
                FROM report_chunks ch JOIN reports r ON r.id = ch.report_id JOIN report_destinations d ON d.id = r.destination_id
                WHERE ch.id = ?
                """, arguments: [id]) else { throw LedgerError("report chunk \(id)", .invalidInput("no such chunk in the outbox")) }
            guard (row[0] as String) == ChunkState.pending.rawValue else { return false }
            let now = Timestamp.now()
            try db.execute(sql: """
                UPDATE report_chunks SET state = 'delivered', attempts = attempts + 1, acknowledged_at = ?, receipt = ?, last_error = NULL
                WHERE id = ?
                """, arguments: [now, receipt, id])
            let details = ReportableRecordsBuilder.acknowledgementDetails(idempotencyKey: row[1], codes: row[2], report: row[3],
                                                                          destination: row[5], receipt: receipt)
            var chain = try ChainAppender(db, station: station)
            try chain.append(time: now, batch: row[4], code: nil, kind: .reportAcknowledged, details: details)
            return true
        }
    }

    public func retryLater(chunk id: Int64, error: String, nextAttemptAt: Int64) async throws(LedgerError) {
        try write { db in
            try db.execute(sql: """
                UPDATE report_chunks SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND state = 'pending'
                """, arguments: [error, nextAttemptAt, id])
        }
    }

    public func deadLetter(chunk id: Int64, reason: String) async throws(LedgerError) {
        try write { db in
            try db.execute(sql: """
                UPDATE report_chunks SET state = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'pending'
                """, arguments: [reason, id])
        }
    }

    public func outboxStatus(destination: String?) async throws(LedgerError) -> OutboxStatus {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.id, r.batch_id, d.url, r.station, r.created_at, r.code_count, r.void_count, r.chunk_count,
                       sum(CASE WHEN ch.state = 'pending' THEN 1 ELSE 0 END), sum(CASE WHEN ch.state = 'delivered' THEN 1 ELSE 0 END),
                       sum(CASE WHEN ch.state = 'dead' THEN 1 ELSE 0 END),
                       sum(CASE WHEN ch.state = 'delivered' THEN ch.code_count ELSE 0 END),
                       min(CASE WHEN ch.state = 'pending' THEN ch.next_attempt_at END)
                FROM reports r JOIN report_destinations d ON d.id = r.destination_id JOIN report_chunks ch ON ch.report_id = r.id
                WHERE (? IS NULL OR d.url = ?)
                GROUP BY r.id, r.batch_id, d.url, r.station, r.created_at, r.code_count, r.void_count, r.chunk_count
                ORDER BY r.id
                """, arguments: [destination, destination])
            let reports = try rows.map { row in
                let report = QueuedReport(number: row[0], batch: row[1], destination: row[2], station: row[3], createdAt: row[4],
                                          codes: row[5], voids: row[6], chunks: row[7])
                let receipts = try String.fetchAll(db, sql: """
                    SELECT receipt FROM report_chunks WHERE report_id = ? AND state = 'delivered' ORDER BY chunk_index
                    """, arguments: [report.number])
                return OutboxStatus.Report(report: report, chunks: [.pending: row[8], .delivered: row[9], .dead: row[10]],
                                           acknowledgedCodes: row[11], receipts: receipts, nextAttemptAt: row[12])
            }
            let dead = try Row.fetchAll(db, sql: """
                SELECT ch.id, ch.report_id, r.batch_id, d.url, ch.chunk_index, ch.idempotency_key, ch.attempts, ch.last_error, ch.first_code
                FROM report_chunks ch JOIN reports r ON r.id = ch.report_id JOIN report_destinations d ON d.id = r.destination_id
                WHERE ch.state = 'dead' AND (? IS NULL OR d.url = ?)
                ORDER BY ch.id
                """, arguments: [destination, destination]).map { row in
                OutboxStatus.DeadLetter(chunk: row[0], report: row[1], batch: row[2], destination: row[3], index: row[4],
                                        idempotencyKey: row[5], attempts: row[6], reason: row[7] ?? "", firstCode: row[8])
            }
            return OutboxStatus(reports: reports, deadLetters: dead)
        }
    }

    public func requeueDeadLetters(destination: String?) async throws(LedgerError) -> Int {
        try write { db in
            try db.execute(sql: """
                UPDATE report_chunks SET state = 'pending', attempts = 0, next_attempt_at = ?
                WHERE state = 'dead' AND (? IS NULL OR report_id IN (
                    SELECT r.id FROM reports r JOIN report_destinations d ON d.id = r.destination_id WHERE d.url = ?))
                """, arguments: [Timestamp.now(), destination, destination])
            return db.changesCount
        }
    }

    /// The batch's records not yet reported to `destination` (all when nil), and each code's row id.
    static func reportable(_ db: Database, batch: Batch, destination: String?) throws -> (records: ReportableRecords, ids: [String: Int64]) {
        let destinationID = try destination.flatMap { url in
            try Int64.fetchOne(db, sql: "SELECT id FROM report_destinations WHERE url = ?", arguments: [url])
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.id, c.scheme, c.value, c.element_string, c.state FROM codes c
            WHERE c.batch_id = ? AND c.state IN ('printed', 'unconfirmed', 'verified-pass', 'verified-fail', 'voided')
              AND NOT EXISTS (SELECT 1 FROM reported_codes rc WHERE rc.destination_id = ? AND rc.code_id = c.id
                              AND rc.kind = CASE WHEN c.state = 'voided' THEN 'voided' ELSE 'commissioned' END)
            ORDER BY c.id
            """, arguments: [batch.id, destinationID]).map { row in
            ReportableRecordsBuilder.CodeRow(id: row[0], scheme: row[1], value: row[2], elementString: row[3], state: row[4])
        }
        var builder = ReportableRecordsBuilder(batch: batch, destination: destination, codes: rows)
        guard !builder.isEmpty else { return (try builder.records(), [:]) }
        let events = try Row.fetchCursor(db, sql: """
            SELECT code, kind, time, station, details FROM events
            WHERE batch_id = ? AND kind IN ('printed', 'unconfirmed', 'voided') AND code IS NOT NULL ORDER BY seq
            """, arguments: [batch.id])
        while let row = try events.next() {
            builder.event(code: row[0], kind: row[1], time: row[2], station: row[3], details: row[4])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT reprint_of, value FROM codes WHERE batch_id = ? AND reprint_of IS NOT NULL ORDER BY id
            """, arguments: [batch.id]) {
            builder.reprint(of: row[0], value: row[1])
        }
        return (try builder.records(), builder.ids)
    }
}
