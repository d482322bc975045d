import PostgresNIO

/// The reporting outbox on PostgreSQL: the same tables and promises as SQLite's
/// (`SQLiteLedger+Outbox.swift`). Each record is queued once per destination, because the
/// check and the queueing run in one transaction under the writer lock; a chunk is marked
/// delivered in the same transaction that appends its `report-acknowledged` event.
extension PostgresLedger {
    public func reportableRecords(batch id: Int64, destination: String?) async throws(LedgerError) -> ReportableRecords {
        try await read { connection in
            try await Self.reportable(batch: Self.fetchBatch(id, on: connection), destination: destination, on: connection).records
        }
    }

    public func enqueueReport(batch id: Int64, destination: String, build: (ReportDraft) throws -> [OutboxChunk])
        async throws(LedgerError) -> QueuedReport? {
        try await write { [station] connection in
            let batch = try await Self.fetchBatch(id, on: connection)
            let (records, codeIDs) = try await Self.reportable(batch: batch, destination: destination, on: connection)
            guard !records.isEmpty else { return nil }
            try await Self.run("INSERT INTO report_destinations (url) VALUES (\(destination)) ON CONFLICT (url) DO NOTHING", on: connection)
            let destinationID = try await Self.rows("SELECT id FROM report_destinations WHERE url = \(destination)", on: connection)[0]
                .decode(Int64.self)
            let createdAt = Timestamp.now()
            // Numbered by the writer, as SQLite numbers its rows: 1, 2, 3, … with no gaps.
            let number = try await Self.rows("""
                INSERT INTO reports (id, batch_id, destination_id, station, created_at, code_count, void_count, chunk_count)
                SELECT coalesce(max(id), 0) + 1, \(id), \(destinationID), \(station), \(createdAt), \(records.codes.count),
                       \(records.voids.count), 0
                FROM reports
                RETURNING id
                """, on: connection)[0].decode(Int64.self)
            let subject = "report \(number) of batch \(id) to \(destination)"
            let draft = ReportDraft(number: number, createdAt: createdAt, station: station, records: records)
            let chunks = try ReportableRecordsBuilder.build(draft, subject: subject, with: build)
            try await Self.run("UPDATE reports SET chunk_count = \(chunks.count) WHERE id = \(number)", on: connection)

            let firstChunkID = try await Self.rows("SELECT coalesce(max(id), 0) + 1 FROM report_chunks", on: connection)[0]
                .decode(Int64.self)
            let chunkIDs = chunks.indices.map { firstChunkID + Int64($0) }
            try await Self.run("""
                INSERT INTO report_chunks (id, report_id, chunk_index, idempotency_key, body, code_count, void_count, first_code,
                                           state, next_attempt_at)
                SELECT ch.id, \(number), ch.chunk_index, ch.idempotency_key, ch.body, ch.code_count, ch.void_count,
                       NULLIF(ch.first_code, ''), 'pending', \(createdAt)
                FROM unnest(\(chunkIDs), \(chunks.indices.map { Int64($0 + 1) }), \(chunks.map(\.idempotencyKey)),
                            \(chunks.map { ByteBuffer(bytes: $0.body) }), \(chunks.map { Int64($0.codes.count) }),
                            \(chunks.map { Int64($0.voids.count) }), \(chunks.map { $0.codes.first ?? $0.voids.first ?? "" }))
                    AS ch(id, chunk_index, idempotency_key, body, code_count, void_count, first_code)
                ORDER BY ch.id
                """, on: connection)

            var kinds: [String] = [], reportedIDs: [Int64] = [], reportedChunks: [Int64] = []
            for (chunk, chunkID) in zip(chunks, chunkIDs) {
                for (kind, values) in [("commissioned", chunk.codes), ("voided", chunk.voids)] {
                    for value in values {
                        kinds.append(kind)
                        reportedIDs.append(codeIDs[value]!)
                        reportedChunks.append(chunkID)
                    }
                }
            }
            try await Self.run("""
                INSERT INTO reported_codes (destination_id, kind, code_id, chunk_id)
                SELECT \(destinationID), r.kind, r.code_id, r.chunk_id
                FROM unnest(\(kinds), \(reportedIDs), \(reportedChunks)) AS r(kind, code_id, chunk_id)
                """, on: connection)
            return QueuedReport(number: number, batch: id, destination: destination, station: station, createdAt: createdAt,
                                codes: records.codes.count, voids: records.voids.count, chunks: chunks.count)
        }
    }

    public func dueChunks(now: Int64, limit: Int, destination: String?, excluding: Set<Int64>) async throws(LedgerError) -> [DueChunk] {
        // Chunks already in flight are left out here, so their bodies are not read again.
        try await read { connection in
            try await Self.rows("""
                SELECT ch.id, ch.report_id, r.batch_id, d.url, ch.chunk_index, r.chunk_count, ch.idempotency_key, ch.body,
                       ch.code_count, ch.void_count, ch.attempts, ch.next_attempt_at
                FROM report_chunks ch JOIN reports r ON r.id = ch.report_id JOIN report_destinations d ON d.id = r.destination_id
                WHERE ch.state = 'pending' AND ch.next_attempt_at <= \(now)
                  AND (\(destination)::text IS NULL OR d.url = \(destination)::text)
                  AND NOT (ch.id = ANY(\(excluding.sorted())::bigint[]))
                ORDER BY ch.next_attempt_at, ch.id LIMIT \(Int64(limit))
                """, on: connection).map { row in
                let (id, report, batch, url, index, chunkCount, key, body, codes, voids, attempts, nextAttemptAt) =
                    try row.decode((Int64, Int64, Int64, String, Int, Int, String, ByteBuffer, Int, Int, Int, Int64).self)
                return DueChunk(id: id, report: report, batch: batch, destination: url, index: index, chunkCount: chunkCount,
                                idempotencyKey: key, body: Array(body.readableBytesView), codes: codes, voids: voids,
                                attempts: attempts, nextAttemptAt: nextAttemptAt)
            }
        }
    }

    public func nextAttemptTime(destination: String?) async throws(LedgerError) -> Int64? {
        try await read { connection in
            try await Self.rows("""
                SELECT min(ch.next_attempt_at)
                FROM report_chunks ch JOIN reports r ON r.id = ch.report_id JOIN report_destinations d ON d.id = r.destination_id
                WHERE ch.state = 'pending' AND (\(destination)::text IS NULL OR d.url = \(destination)::text)
                """, on: connection)[0].decode(Int64?.self)
        }
    }

    @discardableResult
    public func acknowledge(chunk id: Int64, receipt: String) async throws(LedgerError) -> Bool {
        try await write { [station] connection in
            guard let row = try await Self.rows("""
                SELECT ch.state, ch.idempotency_key, ch.code_count, r.id, r.batch_id, d.url
                FROM report_chunks ch JOIN reports r ON r.id = ch.report_id JOIN report_destinations d ON d.id = r.destination_id
                WHERE ch.id = \(id)
                """, on: connection).first else { throw LedgerError("report chunk \(id)", .invalidInput("no such chunk in the outbox")) }
            let (state, key, codes, report, batch, url) = try row.decode((String, String, Int64, Int64, Int64, String).self)
            guard state == ChunkState.pending.rawValue else { return false }
            let now = Timestamp.now()
            try await Self.run("""
                UPDATE report_chunks SET state = 'delivered', attempts = attempts + 1, acknowledged_at = \(now), receipt = \(receipt),
                                         last_error = NULL
                WHERE id = \(id)
                """, on: connection)
            let details = ReportableRecordsBuilder.acknowledgementDetails(idempotencyKey: key, codes: codes, report: report,
                                                                          destination: url, receipt: receipt)
            var chain = try await PostgresChain(on: connection, station: station)
            try await chain.append(on: connection, time: now, batch: batch, code: nil, kind: .reportAcknowledged, details: details)
            return true
        }
    }

    public func retryLater(chunk id: Int64, error: String, nextAttemptAt: Int64) async throws(LedgerError) {
        try await write { connection in
            try await Self.run("""
                UPDATE report_chunks SET attempts = attempts + 1, last_error = \(error), next_attempt_at = \(nextAttemptAt)
                WHERE id = \(id) AND state = 'pending'
                """, on: connection)
        }
    }

    public func deadLetter(chunk id: Int64, reason: String) async throws(LedgerError) {
        try await write { connection in
            try await Self.run("""
                UPDATE report_chunks SET state = 'dead', attempts = attempts + 1, last_error = \(reason) WHERE id = \(id) AND state = 'pending'
                """, on: connection)
        }
    }

    public func outboxStatus(destination: String?) async throws(LedgerError) -> OutboxStatus {
        try await read { connection in
            let rows = try await Self.rows("""
                SELECT r.id, r.batch_id, d.url, r.station, r.created_at, r.code_count, r.void_count, r.chunk_count,
                       count(*) FILTER (WHERE ch.state = 'pending'), count(*) FILTER (WHERE ch.state = 'delivered'),
                       count(*) FILTER (WHERE ch.state = 'dead'),
                       coalesce(sum(ch.code_count) FILTER (WHERE ch.state = 'delivered'), 0)::bigint,
                       min(ch.next_attempt_at) FILTER (WHERE ch.state = 'pending')
                FROM reports r JOIN report_destinations d ON d.id = r.destination_id JOIN report_chunks ch ON ch.report_id = r.id
                WHERE (\(destination)::text IS NULL OR d.url = \(destination)::text)
                GROUP BY r.id, r.batch_id, d.url, r.station, r.created_at, r.code_count, r.void_count, r.chunk_count
                ORDER BY r.id
                """, on: connection)
            var reports: [OutboxStatus.Report] = []
            for row in rows {
                let (number, batch, url, station, createdAt, codes, voids, chunks, pending, delivered, dead, acknowledged, next) =
                    try row.decode((Int64, Int64, String, String, Int64, Int, Int, Int, Int, Int, Int, Int, Int64?).self)
                let report = QueuedReport(number: number, batch: batch, destination: url, station: station, createdAt: createdAt,
                                          codes: codes, voids: voids, chunks: chunks)
                let receipts = try await Self.rows("""
                    SELECT receipt FROM report_chunks WHERE report_id = \(number) AND state = 'delivered' ORDER BY chunk_index
                    """, on: connection).map { try $0.decode(String.self) }
                reports.append(OutboxStatus.Report(report: report, chunks: [.pending: pending, .delivered: delivered, .dead: dead],
                                                   acknowledgedCodes: acknowledged, receipts: receipts, nextAttemptAt: next))
            }
            let dead = try await Self.rows("""
                SELECT ch.id, ch.report_id, r.batch_id, d.url, ch.chunk_index, ch.idempotency_key, ch.attempts, ch.last_error, ch.first_code
                FROM report_chunks ch JOIN reports r ON r.id = ch.report_id JOIN report_destinations d ON d.id = r.destination_id
                WHERE ch.state = 'dead' AND (\(destination)::text IS NULL OR d.url = \(destination)::text)
                ORDER BY ch.id
                """, on: connection).map { row in
                let (chunk, report, batch, url, index, key, attempts, reason, firstCode) =
                    try row.decode((Int64, Int64, Int64, String, Int, String, Int, String?, String?).self)
                return OutboxStatus.DeadLetter(chunk: chunk, report: report, batch: batch, destination: url, index: index,
                                               idempotencyKey: key, attempts: attempts, reason: reason ?? "", firstCode: firstCode)
            }
            return OutboxStatus(reports: reports, deadLetters: dead)
        }
    }

    public func requeueDeadLetters(destination: String?) async throws(LedgerError) -> Int {
        try await write { connection in
            try await Self.rows("""
                UPDATE report_chunks SET state = 'pending', attempts = 0, next_attempt_at = \(Timestamp.now())
                WHERE state = 'dead' AND (\(destination)::text IS NULL OR report_id IN (
                    SELECT r.id FROM reports r JOIN report_destinations d ON d.id = r.destination_id WHERE d.url = \(destination)::text))
                RETURNING id
                """, on: connection).count
        }
    }

    /// The batch's records not yet reported to `destination` (all when nil), and each code's
    /// row id; the events stream from the server rather than being read into memory whole.
    static func reportable(batch: Batch, destination: String?, on connection: PostgresConnection)
        async throws -> (records: ReportableRecords, ids: [String: Int64]) {
        var destinationID: Int64?
        if let destination {
            destinationID = try await rows("SELECT id FROM report_destinations WHERE url = \(destination)", on: connection)
                .first?.decode(Int64.self)
        }
        let codeRows = try await rows("""
            SELECT c.id, c.scheme, c.value, c.element_string, c.state FROM codes c
            WHERE c.batch_id = \(batch.id) AND c.state = ANY(\(ReportableRecordsBuilder.reportedStates))
              AND NOT EXISTS (SELECT 1 FROM reported_codes rc WHERE rc.destination_id = \(destinationID)::bigint AND rc.code_id = c.id
                              AND rc.kind = CASE WHEN c.state = 'voided' THEN 'voided' ELSE 'commissioned' END)
            ORDER BY c.id
            """, on: connection).map { row in
            let (id, scheme, value, elementString, state) = try row.decode((Int64, String, String, String, String).self)
            return ReportableRecordsBuilder.CodeRow(id: id, scheme: scheme, value: value, elementString: elementString, state: state)
        }
        var builder = ReportableRecordsBuilder(batch: batch, destination: destination, codes: codeRows)
        guard !builder.isEmpty else { return (try builder.records(), [:]) }
        let events = try await connection.query("""
            SELECT code, kind, time, station, details FROM events
            WHERE batch_id = \(batch.id) AND kind = ANY(\(ReportableRecordsBuilder.factKinds)) AND code IS NOT NULL ORDER BY seq
            """, logger: logger)
        for try await row in events {
            let (code, kind, time, station, details) = try row.decode((String, String, Int64, String, String).self)
            builder.event(code: code, kind: kind, time: time, station: station, details: details)
        }
        for row in try await rows("""
            SELECT reprint_of, value FROM codes WHERE batch_id = \(batch.id) AND reprint_of IS NOT NULL ORDER BY id
            """, on: connection) {
            let (original, value) = try row.decode((Int64, String).self)
            builder.reprint(of: original, value: value)
        }
        return (try builder.records(), builder.ids)
    }
}
