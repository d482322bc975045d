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

    /// Feeds each derived table to the storage-independent check, the codes by cursor.
    private static func compareDerivedTables(_ db: Database, with replay: AuditReplay) throws -> [String] {
        var check = DerivedTableCheck(replay: replay)
        // Columns by index, no Codable: this loop runs once per code.
        let codes = try Row.fetchCursor(db, sql: "SELECT id, value, batch_id, state, reprint_of FROM codes ORDER BY id")
        while let row = try codes.next(), check.code(id: row[0], value: row[1], batch: row[2], state: row[3], reprintOf: row[4]) {}
        check.finishCodes()
        check.leases(try Row.fetchAll(db, sql: "SELECT id, station, batch_id, first_code_id, last_code_id FROM code_leases").map { row in
            (row[0], row[1], row[2], row[3], row[4])
        })
        check.batches(try Row.fetchAll(db, sql: "SELECT * FROM batches ORDER BY id").map(Self.batch(row:)))
        check.verifications(try Int.fetchOne(db, sql: "SELECT count(*) FROM verifications") ?? 0)
        check.checkpoints(try Row.fetchAll(db, sql: "SELECT batch_id, last_seq, last_hash, signature FROM checkpoints").map { row in
            (row[0], row[1], try bytes(row, 2), try bytes(row, 3))
        })
        check.deliveredChunks(try Row.fetchAll(db, sql: """
            SELECT idempotency_key, code_count FROM report_chunks WHERE state = 'delivered' ORDER BY id
            """).map { row in (row[0], row[1]) })
        return check.findings
    }
}
