import Foundation
import Testing
@testable import Ledger

@Suite("Code leases and journal replay")
struct LeaseTests {
    @Test("Each station gets back only the codes leased to it: its unsent codes and its labels in doubt", arguments: LedgerBackend.all)
    func leasesArePerStation(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let other = try await ledger.reopened(station: "line-2")
        let batch = try await ledger.batch()
        let first = try await ledger.store.issue(batch: batch.id, count: 10)
        let others = try await other.issue(batch: batch.id, count: 5)
        let second = try await ledger.store.reprint(code: first[9].value, reason: "smudged")
        try await ledger.store.record(first[0..<2].map { LabelChange(code: $0.value, event: .sent) })
        try await other.record([LabelChange(code: others[0].value, event: .sent)])

        #expect(try await ledger.store.codes(batch: batch.id, in: .issued).map(\.value) == first[2..<9].map(\.value) + [second.value])
        #expect(try await other.codes(batch: batch.id, in: .issued).map(\.value) == others[1...].map(\.value))
        #expect(try await ledger.store.codes(batch: batch.id, in: .sent).map(\.value) == first[0..<2].map(\.value))
        #expect(try await other.codes(batch: batch.id, in: .sent).map(\.value) == [others[0].value])
        #expect(try await ledger.store.verifyAudit(trustedKey: nil).isIntact)
    }

    @Test("A replay records each journaled step once, with the refused ones returned and the chain intact", arguments: LedgerBackend.all)
    func replayOnce(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 4).map(\.value)
        // A call that went unanswered but was recorded after all.
        try await ledger.store.record([LabelChange(code: codes[3], event: .sent)])
        let steps: [(String, LabelEvent, Bool)] = [
            (codes[0], .sent, false), (codes[0], .printed, false), (codes[0], .verifiedPass, false),
            (codes[1], .sent, false), (codes[1], .printed, false),
            (codes[2], .verifiedPass, false),  // never printed: refused
            (codes[3], .sent, true),           // already recorded
            (codes[3], .printed, false),
        ]
        let segment = JournalSegment(entries: steps.enumerated().map { index, step in
            JournaledChange(seq: Int64(index + 1), time: 1_700_000_000_000 + Int64(index),
                            change: LabelChange(code: step.0, event: step.1, batch: batch.id), mayBeRecorded: step.2)
        }, headHash: Array(repeating: 7, count: 32))

        let outcome = try await ledger.store.replay(segment)
        #expect(outcome.applied == 6)
        #expect(outcome.alreadyRecorded == 1)
        #expect(outcome.refusals.map(\.seq) == [6])
        let again = try await ledger.store.replay(segment)
        #expect(again.applied == 0 && again.alreadyRecorded == steps.count && again.refusals.isEmpty)

        let counts = try await ledger.store.reconcile(batch: batch.id)
        #expect(counts.verifiedPass == 1)
        #expect(counts.printedConfirmed == 2)
        #expect(counts.unused == 1)
        let audit = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(audit.isIntact, "\(audit.findings)")
    }
}
