import Testing
@testable import Ledger

@Suite("Code lookup by GTIN and serial")
struct CodeStatusTests {
    @Test("A code is found by GTIN and serial with its value, batch and current state; another serial or GTIN is not", arguments: LedgerBackend.all)
    func lookup(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let first = try await ledger.batch()
        let second = try await ledger.batch(lot: "B2")
        let code = try await ledger.store.issue(batch: first.id, count: 2)[1]
        let other = try await ledger.store.issue(batch: second.id, count: 1)[0]
        try await ledger.store.record([LabelChange(code: code.value, event: .printed)])

        let found = try await ledger.store.codeStatus(gtin: TestLedger.gtin, serial: code.serial)
        #expect(found == CodeStatus(value: code.value, batch: first.id, state: .printed))
        #expect(try await ledger.store.codeStatus(gtin: TestLedger.gtin, serial: other.serial)?.batch == second.id)
        #expect(try await ledger.store.codeStatus(gtin: TestLedger.gtin, serial: code.serial + "X") == nil)
        #expect(try await ledger.store.codeStatus(gtin: "06901234567809", serial: code.serial) == nil)
    }
}
