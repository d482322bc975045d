import Foundation
import GRDB

extension SQLiteLedger {
    /// Replays a station's offline journal in one transaction: entries already synced are
    /// skipped, the others recorded with their own times under the usual rules, then a
    /// `journal-synced` event closes the segment and the station's sync point moves on.
    public func replay(_ segment: JournalSegment) async throws(LedgerError) -> ReplayOutcome {
        guard !segment.entries.isEmpty else { return ReplayOutcome() }
        return try write { db in
            let synced = try Int64.fetchOne(db, sql: "SELECT last_journal_seq FROM journal_syncs WHERE station = ?",
                                            arguments: [station]) ?? 0
            var recorder = try LabelRecorder(db, station: station)
            var outcome = ReplayOutcome()
            for entry in segment.entries {
                guard entry.seq > synced else {
                    outcome.alreadyRecorded += 1
                    continue
                }
                do {
                    try recorder.record(entry.change, at: entry.time)
                    outcome.applied += 1
                } catch let error as LedgerError {
                    outcome.take(error, for: entry)
                }
            }
            let now = Timestamp.now()
            try recorder.chain.append(time: now, batch: nil, code: nil, kind: .journalSynced, details: outcome.details(of: segment))
            try db.execute(sql: """
                INSERT INTO journal_syncs (station, last_journal_seq, last_journal_hash, synced_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (station) DO UPDATE SET last_journal_seq = excluded.last_journal_seq,
                    last_journal_hash = excluded.last_journal_hash, synced_at = excluded.synced_at
                WHERE excluded.last_journal_seq > journal_syncs.last_journal_seq
                """, arguments: [station, segment.entries.last!.seq, Data(segment.headHash), now])
            return outcome
        }
    }
}
