import Testing
@testable import Ledger

@Suite("Label lifecycle")
struct LifecycleTests {
    @Test("A group of changes is recorded in one commit, or refused whole with every reason")
    func allOrNothing() async throws {
        let ledger = try TestLedger()
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 3)
        do {
            try await ledger.store.record([
                LabelChange(code: codes[0].value, event: .printed),
                LabelChange(code: codes[1].value, event: .verifiedPass),
                LabelChange(code: "https://id.gs1.org/01/06901234567892/10/B1/21/NOTISSUED00", event: .printed),
            ])
            Issue.record("expected a refusal")
        } catch {
            guard case .refused(let reasons) = error.rule else { Issue.record("unexpected \(error)"); return }
            #expect(reasons.map(\.rule) == [.illegalTransition(from: .issued, event: .verifiedPass), .unknownCode])
        }
        #expect(try await ledger.store.reconcile(batch: batch.id).unused == 3)
    }

    @Test("A code is refused under a batch it does not belong to, and after its batch closed")
    func batchChecks() async throws {
        let ledger = try TestLedger()
        let first = try await ledger.batch()
        let second = try await ledger.batch(lot: "B2")
        let code = try await ledger.store.issue(batch: first.id, count: 1)[0]
        await #expect(throws: LedgerError.self) {
            try await ledger.store.record([LabelChange(code: code.value, event: .printed, batch: second.id)])
        }
        _ = try await ledger.store.close(batch: first.id, signer: CheckpointSigner(), override: try CloseOverride(reason: "trial", lead: "Li"))
        await #expect(throws: LedgerError.self) {
            try await ledger.store.record([LabelChange(code: code.value, event: .printed)])
        }
    }

    @Test("Voided is final: a voided code is never printed or reused")
    func voidedIsFinal() async throws {
        let ledger = try TestLedger()
        let batch = try await ledger.batch()
        let code = try await ledger.store.issue(batch: batch.id, count: 1)[0]
        try await ledger.store.record([LabelChange(code: code.value, event: .voided(reason: "torn"))])
        await #expect(throws: LedgerError.self) {
            try await ledger.store.record([LabelChange(code: code.value, event: .printed)])
        }
    }
}
