import Testing
@testable import Ledger

@Suite("Label lifecycle")
struct LifecycleTests {
    @Test("A group of changes is recorded in one commit, or refused whole with every reason", arguments: LedgerBackend.all)
    func allOrNothing(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
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

    @Test("A code is refused under a batch it does not belong to, and after its batch closed", arguments: LedgerBackend.all)
    func batchChecks(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
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

    @Test("Voided is final: a voided code is never printed or reused", arguments: LedgerBackend.all)
    func voidedIsFinal(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let code = try await ledger.store.issue(batch: batch.id, count: 1)[0]
        try await ledger.store.record([LabelChange(code: code.value, event: .voided(reason: "torn"))])
        await #expect(throws: LedgerError.self) {
            try await ledger.store.record([LabelChange(code: code.value, event: .printed)])
        }
    }

    @Test("A code is found only by its exact value, not by a look-alike on another domain or lot", arguments: LedgerBackend.all)
    func exactValue(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let code = try await ledger.store.issue(batch: batch.id, count: 1)[0]
        for lookalike in [code.value.replacingOccurrences(of: "id.gs1.org", with: "example.com"),
                          code.value.replacingOccurrences(of: "/10/B1/", with: "/10/B2/"), code.value + "?17=991231", "not a code"] {
            await #expect(throws: LedgerError("1 of 1 label events", .refused([LedgerError("code \(lookalike)", .unknownCode)]))) {
                try await ledger.store.record([LabelChange(code: lookalike, event: .printed)])
            }
        }
        try await ledger.store.record([LabelChange(code: code.value, event: .printed)])
        #expect(try await ledger.store.reconcile(batch: batch.id).printedConfirmed == 1)
    }

    @Test("Concurrent callers share commits, and one caller's refusal leaves the others recorded", arguments: LedgerBackend.all)
    func groupCommit(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch(quantity: 400)
        let codes = try await ledger.store.issue(batch: batch.id, count: 300).map(\.value)
        let store = ledger.store
        let refusals = await withTaskGroup(of: Int.self) { group in
            for caller in 0..<30 {
                group.addTask {
                    var refused = 0
                    for index in stride(from: caller, to: 300, by: 30) {
                        // Every tenth caller also asks for an illegal step, refused with its own request only.
                        let changes = caller % 10 == 0
                            ? [LabelChange(code: codes[index], event: .printed), LabelChange(code: codes[index], event: .sent)]
                            : [LabelChange(code: codes[index], event: .printed)]
                        do { try await store.record(changes) } catch { refused += 1 }
                    }
                    return refused
                }
            }
            return await group.reduce(0, +)
        }
        #expect(refusals == 30)
        let counts = try await store.reconcile(batch: batch.id)
        #expect((counts.printedConfirmed, counts.unused) == (270, 30))
        #expect(try await store.verifyAudit(trustedKey: nil).isIntact)
    }
}
