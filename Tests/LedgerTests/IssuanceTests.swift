import Foundation
import Testing
import TraceCodes
@testable import Ledger

@Suite("Issuance")
struct IssuanceTests {
    @Test("Issued codes are distinct Digital Link URIs with their element strings, across batches and reopenings", arguments: LedgerBackend.all)
    func distinctCodes(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let first = try await ledger.batch(quantity: 2000)
        let second = try await ledger.batch(quantity: 2000, lot: "B2")
        var values = Set<String>()
        for batch in [first, second] {
            for code in try await ledger.store.issue(batch: batch.id, count: 1000) {
                #expect(values.insert(code.value).inserted)
                #expect(code.scheme == "GS1")
                #expect(code.value.hasPrefix("https://id.gs1.org/01/06901234567892/10/"))
                let element = try GS1ElementString(bracketed: code.elementString)
                #expect(try element.digitalLink() == code.value)
                #expect(element[ai: "21"] == code.serial)
            }
        }
        let reopened = try await ledger.reopened()
        for code in try await reopened.issue(batch: first.id, count: 50) {
            #expect(values.insert(code.value).inserted)
        }
        #expect(try await reopened.batch(first.id).issuedCount == 1050)
    }

    @Test("Issuing past quantity plus overage is refused, and nothing of the request is issued", arguments: LedgerBackend.all)
    func overIssue(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch(quantity: 100, overage: 5)
        #expect(batch.limit == 105)
        _ = try await ledger.store.issue(batch: batch.id, count: 100)
        await #expect(throws: LedgerError("batch \(batch.id)", .overIssue(requested: 6, issued: 100, limit: 105))) {
            try await ledger.store.issue(batch: batch.id, count: 6)
        }
        #expect(try await ledger.store.issue(batch: batch.id, count: 5).count == 5)
        #expect(try await ledger.store.batch(batch.id).issuedCount == 105)
    }

    @Test("A batch quantity of 0 or over a billion is refused, naming the limit, rather than overflowing its overage",
          arguments: [0, -1, BatchSpec.maximumQuantity + 1, Int.max])
    func quantityBounds(_ quantity: Int) {
        #expect(throws: LedgerError.self) { try BatchSpec(gtin: TestLedger.gtin, lot: "Q1", quantity: quantity, overagePercent: 100) }
        do {
            _ = try BatchSpec(gtin: TestLedger.gtin, lot: "Q1", quantity: quantity)
        } catch {
            #expect(error.description.contains("quantity must be 1 to 1000000000"))
        }
        #expect((try? BatchSpec(gtin: TestLedger.gtin, lot: "Q1", quantity: BatchSpec.maximumQuantity, overagePercent: 100))?.limit == 2 * BatchSpec.maximumQuantity)
    }

    @Test("A reprint voids the original and issues a new code linked to it", arguments: LedgerBackend.all)
    func reprint(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let original = try await ledger.store.issue(batch: batch.id, count: 1)[0]
        try await ledger.store.record([LabelChange(code: original.value, event: .printed)])
        let reprint = try await ledger.store.reprint(code: original.value, reason: "smudged")
        #expect(reprint.reprintOf == original.value)
        #expect(reprint.value != original.value)
        let counts = try await ledger.store.reconcile(batch: batch.id)
        #expect((counts.issued, counts.voided, counts.reprinted, counts.unused) == (2, 1, 1, 1))
        await #expect(throws: LedgerError.self) { try await ledger.store.reprint(code: original.value, reason: "again") }
        #expect(try await ledger.store.verifyAudit(trustedKey: nil).isIntact)
    }

    @Test("The same serial cannot be stored twice for one GTIN, even under another lot", arguments: LedgerBackend.all)
    func serialUniqueAcrossLots(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let other = try await ledger.batch(lot: "B2")
        let code = try await ledger.store.issue(batch: batch.id, count: 1)[0]
        await #expect(throws: (any Error).self) {
            try await ledger.tamper("""
                INSERT INTO codes (id, batch_id, product_id, scheme, value, element_string, gtin, serial, state, issued_at, last_seq)
                SELECT (SELECT max(id) + 1 FROM codes), id, product_id, 'GS1', 'other-lot-value', '', gtin, '\(code.serial)', 'issued', 0, 0
                FROM batches WHERE id = \(other.id)
                """)
        }
    }

    @Test("Codes filled into the batch template are exactly the builder's, with a date and an escaped lot")
    func template() throws {
        let builder = try GS1ItemCodeBuilder(gtin: TestLedger.gtin, lot: "L/1%A", productionDate: "250301")
        let template = try CodeTemplate(builder: builder, domain: "https://example.com/p", serialLength: 12)
        var serials = try RandomSerialGenerator(length: 12)
        for _ in 0..<200 {
            let serial = try serials.next()
            let code = try builder.code(serial: serial)
            #expect(template.digitalLink(serial: serial) == (try code.digitalLink(domain: "https://example.com/p")))
            #expect(template.elementString(serial: serial) == code.humanReadable)
        }
    }

    @Test("A closed batch issues nothing", arguments: LedgerBackend.all)
    func closedBatch(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        _ = try await ledger.store.close(batch: batch.id, signer: CheckpointSigner(), override: nil)
        await #expect(throws: LedgerError("batch \(batch.id)", .batchClosed)) {
            try await ledger.store.issue(batch: batch.id, count: 1)
        }
    }
}
