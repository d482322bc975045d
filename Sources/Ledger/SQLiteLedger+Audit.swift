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
            // Columns by index, no Codable: this loop runs once per event.
            let events = try Row.fetchCursor(db, sql: "SELECT seq, time, station, batch_id, code, kind, details, prev_hash, hash FROM events ORDER BY seq")
            while let row = try events.next() {
                let event = try LedgerEvent(
                    seq: row[0], time: row[1], station: row[2], batch: row[3], code: row[4], kind: row[5], details: row[6],
                    previousHash: Self.bytes(row, 7), hash: Self.bytes(row, 8)
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

    private static func bytes(_ row: Row, _ index: Int) throws -> [UInt8] {
        try row.withUnsafeData(atIndex: index) { data in data.map { [UInt8]($0) } ?? [] }
    }

    /// Each difference between a derived table and the events, at most a few per table.
    private static func compareDerivedTables(_ db: Database, with replay: AuditReplay) throws -> [String] {
        var findings = try compareCodes(db, with: replay)

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
        let stored = Set(try checkpoints.map { row in "\(row[0] as Int64)/\(row[1] as Int64)/\(try bytes(row, 2).hex)/\(try bytes(row, 3).hex)" })
        let replayed = Set(replay.checkpoints.values.map { "\($0.batch)/\($0.lastSeq)/\($0.lastHash.hex)/\($0.signature.hex)" })
        if stored != replayed {
            findings.append("checkpoints table: \(stored.count) rows do not match the \(replayed.count) batch-closed events")
        }
        findings += try compareDeliveredChunks(db, with: replay)
        return findings
    }

    /// A chunk is delivered exactly when a `report-acknowledged` event names it, with its codes.
    private static func compareDeliveredChunks(_ db: Database, with replay: AuditReplay) throws -> [String] {
        var expected = replay.acknowledgedChunks
        var findings: [String] = []
        for row in try Row.fetchAll(db, sql: "SELECT idempotency_key, code_count FROM report_chunks WHERE state = 'delivered' ORDER BY id") {
            let key: String = row[0], codes: Int = row[1]
            switch expected.removeValue(forKey: key) {
            case nil: findings.append("report_chunks table: chunk \(key) is delivered, but no event records its acknowledgement")
            case let acknowledged? where acknowledged != codes:
                findings.append("report_chunks table: chunk \(key) holds \(codes) codes; its acknowledgement says \(acknowledged)")
            default: break
            }
        }
        for key in expected.keys.sorted() {
            findings.append("report_chunks table: chunk \(key) was acknowledged, but is not marked delivered")
        }
        return Array(findings.prefix(3)) + (findings.count > 3 ? ["report_chunks table: \(findings.count) chunks differ from the events in all"] : [])
    }

    /// Walks the `codes` table in id order beside the replayed codes in issuance order: the
    /// station inserts each code with its `issued` event, so the two orders are the same.
    private static func compareCodes(_ db: Database, with replay: AuditReplay) throws -> [String] {
        var findings: [String] = []
        var mismatches = 0
        func mismatch(_ finding: @autoclosure () -> String) {
            mismatches += 1
            if mismatches <= 3 { findings.append(finding()) }
        }
        let expected = replay.codes
        // Row ids of the codes matched so far, to compare `reprint_of` by position.
        var ids: [Int64] = []
        ids.reserveCapacity(expected.count)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, value, batch_id, state, reprint_of FROM codes ORDER BY id")
        while let row = try rows.next() {
            let position = ids.count
            let value: String = row[1]
            guard position < expected.count, expected[position].value == value else {
                mismatch("codes table: \(value) (row \(row[0] as Int64)) is not the code issued by event number \(position + 1) of the issued codes")
                break
            }
            ids.append(row[0])
            let code = expected[position]
            let batch: Int64 = row[2], state: String = row[3], reprintOf: Int64? = row[4]
            if code.state.rawValue != state || code.batch != batch || code.reprintOf.map({ ids[$0] }) != reprintOf {
                mismatch("codes table: \(value) is \(state) in batch \(batch); the events say \(code.state) in batch \(code.batch)")
            }
        }
        if mismatches == 0, ids.count < expected.count {
            findings.append("codes table: \(expected.count - ids.count) issued codes are missing, e.g. \(expected[ids.count].value)")
        }
        if mismatches > 3 { findings.append("codes table: \(mismatches) rows differ from the events in all") }
        return findings
    }
}
