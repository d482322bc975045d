import Testing
@testable import Ledger

@Suite("Audit verify")
struct AuditTests {
    /// A closed batch (events 1–13) and an open one.
    func populated() async throws -> TestLedger {
        let ledger = try TestLedger()
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 5).map(\.value)
        try await ledger.store.record(codes.map { LabelChange(code: $0, event: .printed) })
        try await ledger.store.record(codes.map { LabelChange(code: $0, event: .verifiedPass) })
        _ = try await ledger.store.close(batch: batch.id, signer: CheckpointSigner(), override: nil)
        let open = try await ledger.batch(lot: "B2")
        _ = try await ledger.store.issue(batch: open.id, count: 3)
        return ledger
    }

    @Test("An untouched ledger verifies")
    func intact() async throws {
        let report = try await populated().store.verifyAudit(trustedKey: nil)
        #expect(report.isIntact, "\(report.summary)")
        #expect(report.eventsChecked == 21)
    }

    static let tampering: [(String, String, Int64)] = [
        ("edited", "UPDATE events SET details = '{\"reason\":\"x\"}' WHERE seq = 4", 4),
        ("deleted", "DELETE FROM events WHERE seq = 6", 7),
        ("reordered", "UPDATE events SET seq = -1 WHERE seq = 3; UPDATE events SET seq = 3 WHERE seq = 4; UPDATE events SET seq = 4 WHERE seq = -1", 3),
        ("inserted", "INSERT INTO events SELECT 22, time, station, batch_id, code, 'voided', details, prev_hash, hash FROM events WHERE seq = 21", 22),
        ("hash recomputed for an edit", "UPDATE events SET hash = zeroblob(32) WHERE seq = 9", 9),
    ]

    @Test("A row edited, deleted, reordered or inserted outside the station names the first broken event", arguments: tampering)
    func tampered(what: String, sql: String, brokenAt: Int64) async throws {
        let ledger = try await populated()
        try ledger.tamper(sql)
        let report = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(report.firstBrokenEvent == brokenAt, "\(what): \(report.summary)")
    }

    @Test("A derived table that disagrees with the events is reported")
    func derivedTables() async throws {
        let ledger = try await populated()
        try ledger.tamper("UPDATE codes SET state = 'issued' WHERE id = 2")
        let report = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(report.firstBrokenEvent == nil)
        #expect(report.findings.first?.hasPrefix("codes table:") == true, "\(report.summary)")

        let counts = try await populated()
        try counts.tamper("UPDATE batches SET issued_count = 2 WHERE id = 2")
        #expect(try await counts.store.verifyAudit(trustedKey: nil).findings.first?.hasPrefix("batches table:") == true)
    }

    @Test("The station refuses to change or delete events itself")
    func appendOnly() async throws {
        let ledger = try await populated()
        #expect(throws: (any Error).self) {
            try ledger.store.queue.write { db in try db.execute(sql: "DELETE FROM events WHERE seq = 1") }
        }
    }
}
