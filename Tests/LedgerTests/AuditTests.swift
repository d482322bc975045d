import Testing
@testable import Ledger

@Suite("Audit verify")
struct AuditTests {
    /// A closed batch (events 1–13) and an open one.
    func populated(_ backend: LedgerBackend) async throws -> TestLedger {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 5).map(\.value)
        try await ledger.store.record(codes.map { LabelChange(code: $0, event: .printed) })
        try await ledger.store.record(codes.map { LabelChange(code: $0, event: .verifiedPass) })
        _ = try await ledger.store.close(batch: batch.id, signer: CheckpointSigner(), override: nil)
        let open = try await ledger.batch(lot: "B2")
        _ = try await ledger.store.issue(batch: open.id, count: 3)
        return ledger
    }

    @Test("An untouched ledger verifies", arguments: LedgerBackend.all)
    func intact(_ backend: LedgerBackend) async throws {
        let report = try await populated(backend).store.verifyAudit(trustedKey: nil)
        #expect(report.isIntact, "\(report.summary)")
        #expect(report.eventsChecked == 21)
    }

    static let tampering: [(String, String, Int64)] = [
        ("edited", "UPDATE events SET details = '{\"reason\":\"x\"}' WHERE seq = 4", 4),
        ("deleted", "DELETE FROM events WHERE seq = 6", 7),
        ("reordered", "UPDATE events SET seq = -1 WHERE seq = 3; UPDATE events SET seq = 3 WHERE seq = 4; UPDATE events SET seq = 4 WHERE seq = -1", 3),
        ("inserted", "INSERT INTO events SELECT 22, time, station, batch_id, code, 'voided', details, prev_hash, hash FROM events WHERE seq = 21", 22),
        ("hash replaced", "UPDATE events SET hash = prev_hash WHERE seq = 9", 9),
    ]

    @Test("A row edited, deleted, reordered or inserted outside the station names the first broken event",
          arguments: LedgerBackend.all, tampering)
    func tampered(_ backend: LedgerBackend, tampering: (what: String, sql: String, brokenAt: Int64)) async throws {
        let (what, sql, brokenAt) = tampering
        let ledger = try await populated(backend)
        try await ledger.tamper(sql)
        let report = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(report.firstBrokenEvent == brokenAt, "\(what): \(report.summary)")
    }

    @Test("A derived table that disagrees with the events is reported", arguments: LedgerBackend.all)
    func derivedTables(_ backend: LedgerBackend) async throws {
        let ledger = try await populated(backend)
        try await ledger.tamper("UPDATE codes SET state = 'issued' WHERE id = 2")
        let report = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(report.firstBrokenEvent == nil)
        #expect(report.findings.first?.hasPrefix("codes table:") == true, "\(report.summary)")

        let counts = try await populated(backend)
        try await counts.tamper("UPDATE batches SET issued_count = 2 WHERE id = 2")
        #expect(try await counts.store.verifyAudit(trustedKey: nil).findings.first?.hasPrefix("batches table:") == true)
    }

    @Test("A lease handed to another station, or stretched over another's codes, is reported", arguments: LedgerBackend.all,
          ["UPDATE code_leases SET station = 'line-9' WHERE id = 1", "UPDATE code_leases SET last_code_id = 6 WHERE id = 1",
           "INSERT INTO code_leases (station, batch_id, first_code_id, last_code_id, granted_at) VALUES ('line-9', 2, 6, 8, 0)"])
    func leases(_ backend: LedgerBackend, sql: String) async throws {
        let ledger = try await populated(backend)
        #expect(try await ledger.store.verifyAudit(trustedKey: nil).isIntact)
        try await ledger.tamper(sql)
        let report = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(report.firstBrokenEvent == nil)
        #expect(report.findings.first?.hasPrefix("code_leases table:") == true, "\(sql): \(report.summary)")
    }

    @Test("The station refuses to change or delete events itself", arguments: LedgerBackend.all)
    func appendOnly(_ backend: LedgerBackend) async throws {
        let ledger = try await populated(backend)
        for sql in ["DELETE FROM events WHERE seq = 1", "UPDATE events SET station = 'elsewhere' WHERE seq = 2"] {
            await #expect(throws: (any Error).self, "\(sql)") { try await ledger.execute(sql) }
        }
    }
}
