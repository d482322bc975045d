import Foundation
import GRDB

extension SQLiteLedger {
    /// Replays the whole chain, then compares the derived tables with the replay. Stops the
    /// chain check at the first broken link, since everything after it is unproven.
    public func verifyAudit(trustedKey: [UInt8]?) async throws(LedgerError) -> AuditReport {
        try read { db in
            let codeCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM codes") ?? 0
            var replay = AuditReplay(trustedKey: trustedKey, expectedCodes: codeCount)
            var brokenAt: Int64?
            var findings: [String] = []
            let events = try Row.fetchCursor(db, sql: "SELECT seq, time, station, batch_id, code, kind, details, prev_hash, hash FROM events ORDER BY seq")
            while let row = try events.next() {
                let event = LedgerEvent(
                    seq: row[0], time: row[1], station: row[2], batch: row[3], code: row[4], kind: row[5], details: row[6],
                    previousHash: Self.bytes(row[7]), hash: Self.bytes(row[8])
                )
                if let problem = replay.consume(event) {
                    brokenAt = event.seq
                    findings.append(problem)
                    break
                }
            }
            if brokenAt == nil {
                findings += try Self.compareDerivedTables(db, with: replay)
            }
            return AuditReport(eventsChecked: replay.nextSeq - 1, lastHash: replay.head, checkpointsVerified: replay.checkpoints.count,
                               firstBrokenEvent: brokenAt, findings: findings)
        }
    }

    private static func bytes(_ value: DatabaseValue) -> [UInt8] {
        (Data.fromDatabaseValue(value)).map { [UInt8]($0) } ?? []
    }

    /// Each difference between a derived table and the events, at most a few per table.
    private static func compareDerivedTables(_ db: Database, with replay: AuditReplay) throws -> [String] {
        var findings: [String] = []
        var expected = replay.codes
        var mismatches = 0
        let codes = try Row.fetchCursor(db, sql: """
            SELECT c.value, c.batch_id, c.state, r.value FROM codes c LEFT JOIN codes r ON r.id = c.reprint_of
            """)
        while let row = try codes.next() {
            let value: String = row[0]
            guard let code = expected.removeValue(forKey: value) else {
                mismatches += 1
                if mismatches <= 3 { findings.append("codes table: \(value) was never issued by an event") }
                continue
            }
            let state: String = row[2], reprintOf: String? = row[3], batch: Int64 = row[1]
            if code.state.rawValue != state || code.batch != batch || code.reprintOf != reprintOf {
                mismatches += 1
                if mismatches <= 3 {
                    findings.append("codes table: \(value) is \(state) in batch \(batch); the events say \(code.state) in batch \(code.batch)")
                }
            }
        }
        if !expected.isEmpty {
            findings.append("codes table: \(expected.count) issued codes are missing, e.g. \(expected.keys.first!)")
        }
        if mismatches > 3 { findings.append("codes table: \(mismatches) rows differ from the events in all") }

        var batches = replay.batches
        for row in try Row.fetchAll(db, sql: "SELECT * FROM batches ORDER BY id") {
            let batch = try Self.batch(row: row)
            guard let facts = batches.removeValue(forKey: batch.id) else {
                findings.append("batches table: batch \(batch.id) was never created by an event")
                continue
            }
            if facts.details != batch.spec.details || facts.issued != batch.issuedCount || facts.closed != (batch.state == .closed) {
                findings.append("batches table: batch \(batch.id) (issued \(batch.issuedCount), \(batch.state.rawValue)) differs from its events (issued \(facts.issued), \(facts.closed ? "closed" : "open"))")
            }
        }
        for id in batches.keys.sorted() { findings.append("batches table: batch \(id) is missing") }

        let verifications = try Int.fetchOne(db, sql: "SELECT count(*) FROM verifications") ?? 0
        if verifications != replay.verifications {
            findings.append("verifications table: \(verifications) rows; the events record \(replay.verifications)")
        }
        let checkpoints = try Row.fetchAll(db, sql: "SELECT batch_id, last_seq, last_hash, signature FROM checkpoints")
        let stored = Set(checkpoints.map { row in "\(row[0] as Int64)/\(row[1] as Int64)/\(bytes(row[2]).hex)/\(bytes(row[3]).hex)" })
        let replayed = Set(replay.checkpoints.values.map { "\($0.batch)/\($0.lastSeq)/\($0.lastHash.hex)/\($0.signature.hex)" })
        if stored != replayed {
            findings.append("checkpoints table: \(stored.count) rows do not match the \(replayed.count) batch-closed events")
        }
        return findings
    }
}
