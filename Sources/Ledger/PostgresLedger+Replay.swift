import PostgresNIO

extension PostgresLedger {
    /// Replays a station's offline journal in one transaction, as SQLite does, in a few round
    /// trips whatever the segment's size: the codes, products and batches are read together,
    /// each step is checked here in journal order, and the events, code states and
    /// verifications are written with one statement each.
    public func replay(_ segment: JournalSegment) async throws(LedgerError) -> ReplayOutcome {
        guard let last = segment.entries.last else { return ReplayOutcome() }
        return try await write { [station] connection in
            let synced = try await Self.rows("SELECT last_journal_seq FROM journal_syncs WHERE station = \(station)", on: connection)
                .first?.decode(Int64.self) ?? 0
            let entries = segment.entries.filter { $0.seq > synced }
            var outcome = ReplayOutcome()
            outcome.alreadyRecorded = segment.entries.count - entries.count
            var codes = try await StoredCodes(of: entries, on: connection)
            var chain = try await PostgresChain(on: connection, station: station)
            var events: [PostgresChain.Event] = []
            var verifications: [(code: Int64, seq: Int64, passed: Bool, time: Int64)] = []
            for entry in entries {
                let change = entry.change
                do throws(LedgerError) {
                    guard let code = codes.rows[change.code] else { throw LedgerError("code \(change.code)", .unknownCode) }
                    let next = try LabelStepRule.next(after: change, batch: code.batch, state: code.state, scheme: code.scheme,
                                                      value: change.code, batchIsOpen: codes.openBatches.contains(code.batch))
                    let event = chain.event(time: entry.time, batch: code.batch, code: change.code, kind: change.event.kind,
                                            details: change.event.details)
                    events.append(event)
                    codes.rows[change.code]!.state = next.rawValue
                    codes.rows[change.code]!.lastSeq = event.seq
                    if change.event == .verifiedPass || change.event == .verifiedFail {
                        verifications.append((code.id, event.seq, change.event == .verifiedPass, entry.time))
                    }
                    outcome.applied += 1
                } catch {
                    outcome.take(error, for: entry)
                }
            }
            let now = Timestamp.now()
            events.append(chain.event(time: now, batch: nil, code: nil, kind: .journalSynced, details: outcome.details(of: segment)))
            try await PostgresChain.insert(events, station: station, on: connection)
            let changed = codes.rows.values.filter(\.changed)
            if !changed.isEmpty {
                try await Self.run("""
                    UPDATE codes SET state = u.state, last_seq = u.last_seq
                    FROM unnest(\(changed.map(\.id)), \(changed.map(\.state)), \(changed.map(\.lastSeq))) AS u(id, state, last_seq)
                    WHERE codes.id = u.id
                    """, on: connection)
            }
            if !verifications.isEmpty {
                try await Self.run("""
                    INSERT INTO verifications (code_id, seq, passed, time)
                    SELECT * FROM unnest(\(verifications.map(\.code)), \(verifications.map(\.seq)), \(verifications.map(\.passed)),
                                         \(verifications.map(\.time)))
                    """, on: connection)
            }
            try await Self.run("""
                INSERT INTO journal_syncs (station, last_journal_seq, last_journal_hash, synced_at)
                VALUES (\(station), \(last.seq), \(ByteBuffer(bytes: segment.headHash)), \(now))
                ON CONFLICT (station) DO UPDATE SET last_journal_seq = excluded.last_journal_seq,
                    last_journal_hash = excluded.last_journal_hash, synced_at = excluded.synced_at
                WHERE excluded.last_journal_seq > journal_syncs.last_journal_seq
                """, on: connection)
            return outcome
        }
    }
}

/// The stored rows of the codes a replay names, read in one query, and which of their
/// batches are open; the replay changes `state` and `lastSeq` as it goes.
private struct StoredCodes {
    struct Row {
        let id: Int64
        let batch: Int64
        let scheme: String
        var state: String
        /// The replay's last event for the code; 0 while it has none.
        var lastSeq: Int64

        var changed: Bool { lastSeq != 0 }
    }

    /// By the code's value; a code not found, or found with another value, is absent.
    var rows: [String: Row] = [:]
    var openBatches: Set<Int64> = []

    init(of entries: [JournaledChange], on connection: PostgresConnection) async throws {
        var keys: [String: CodeKey] = [:]
        for entry in entries where keys[entry.change.code] == nil {
            if let key = CodeKey(digitalLink: entry.change.code) { keys[entry.change.code] = key }
        }
        guard !keys.isEmpty else { return }
        let found = try await PostgresLedger.rows("""
            SELECT c.id, c.batch_id, c.scheme, c.value, c.state, b.state
            FROM unnest(\(keys.values.map { String($0.gtin) }), \(keys.values.map { String($0.serial) })) AS k(gtin, serial)
            JOIN products p ON p.gtin = k.gtin
            JOIN codes c ON c.product_id = p.id AND c.serial = k.serial
            JOIN batches b ON b.id = c.batch_id
            """, on: connection)
        for row in found {
            let (id, batch, scheme, value, state, batchState) = try row.decode((Int64, Int64, String, String, String, String).self)
            guard keys[value] != nil else { continue }
            rows[value] = Row(id: id, batch: batch, scheme: scheme, state: state, lastSeq: 0)
            if batchState == Batch.State.open.rawValue { openBatches.insert(batch) }
        }
    }
}
