import Foundation
import Testing
@testable import Ledger

@Suite("Reconciliation and closing")
struct ReconciliationTests {
    /// 10 codes: 2 unused, 1 sent, 1 unconfirmed, 2 printed, 2 verified pass, 1 fail, 1 voided.
    func mixedBatch(_ ledger: TestLedger) async throws -> Batch {
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 10).map(\.value)
        var changes = codes[2...8].map { LabelChange(code: $0, event: .sent) }
        changes += [LabelChange(code: codes[3], event: .unconfirmed)]
        changes += codes[4...8].map { LabelChange(code: $0, event: .printed) }
        changes += [LabelChange(code: codes[6], event: .verifiedPass), LabelChange(code: codes[7], event: .verifiedPass),
                    LabelChange(code: codes[8], event: .verifiedFail), LabelChange(code: codes[9], event: .voided(reason: "jam"))]
        try await ledger.store.record(changes)
        return batch
    }

    @Test("Counts follow the label states and add up", arguments: LedgerBackend.all)
    func counts(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await mixedBatch(ledger)
        let counts = try await ledger.store.reconcile(batch: batch.id)
        #expect((counts.issued, counts.unused, counts.sent, counts.unconfirmed, counts.printedConfirmed) == (10, 2, 1, 1, 2))
        #expect((counts.verifiedPass, counts.verifiedFail, counts.voided, counts.printed) == (2, 1, 1, 6))
        #expect(counts.issued == counts.printed + counts.voided + counts.unused + counts.sent)
        #expect(!counts.isBalanced)
        #expect(counts.problems.count == 2)
    }

    @Test("A shift counts the codes issued in its window", arguments: LedgerBackend.all)
    func shift(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let before = Timestamp.now()
        _ = try await mixedBatch(ledger)
        let after = Timestamp.now() + 1
        #expect(try await ledger.store.reconcile(from: before, to: after).issued == 10)
        #expect(try await ledger.store.reconcile(from: after, to: after + 60_000).issued == 0)
    }

    @Test("Closing an unbalanced batch is refused unless a lead overrides with a recorded reason", arguments: LedgerBackend.all)
    func closeNeedsOverride(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await mixedBatch(ledger)
        let signer = CheckpointSigner()
        await #expect(throws: LedgerError.self) { try await ledger.store.close(batch: batch.id, signer: signer, override: nil) }
        let checkpoint = try await ledger.store.close(batch: batch.id, signer: signer, override: try CloseOverride(reason: "camera down", lead: "Wang"))
        #expect(checkpoint.hasValidSignature)
        #expect(checkpoint.override?.lead == "Wang")
        let report = try await ledger.store.verifyAudit(trustedKey: signer.publicKey)
        #expect(report.isIntact, "\(report.summary)")
        #expect(report.checkpointsVerified == 1)
        let other = try await ledger.store.verifyAudit(trustedKey: CheckpointSigner().publicKey)
        #expect(!other.isIntact)
    }

    @Test("JSON has stable keys, CSV one header and one row, HTML an inline SVG chart and no external assets", arguments: LedgerBackend.all)
    func outputs(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let counts = try await ledger.store.reconcile(batch: try await mixedBatch(ledger).id)
        #expect(counts.json.hasPrefix(#"{"scope":{"batch":1},"issued":10,"sent":1,"printed_confirmed":2,"unconfirmed":1,"#))
        let object = try JSONSerialization.jsonObject(with: Data(counts.json.utf8)) as? [String: Any]
        #expect(object?["balanced"] as? Bool == false)
        let lines = counts.csv.split(separator: "\r\n")
        #expect(lines.count == 2)
        #expect(lines[0] == "scope,issued,sent,printed_confirmed,unconfirmed,verified_pass,verified_fail,voided,reprinted,unused,printed,reported,acknowledged,balanced")
        #expect(lines[1] == "\"batch 1\",10,1,2,1,2,1,1,0,2,6,0,0,false")
        #expect(counts.html.contains("<svg"))
        #expect(!counts.html.contains("src=") && !counts.html.contains("href="))
    }
}
