import Foundation
import Ledger
import Station
import Testing

@Suite("Shutdown and restart: the run journal", .serialized)
struct LineRestartTests {
    @Test("A shutdown mid-run finishes the labels in the printer; the restarted line prints exactly what is owed")
    func shutdownThenResume() async throws {
        let line = try await LineFixture.start(quantity: 60, labelsInPrinter: 4, journaled: true)
        try await line.workflow.start(batch: line.batch.id, count: 60)
        _ = try await waitFor(line.workflow) { $0.good >= 10 }
        let stopped = await line.workflow.shutDown()
        #expect(stopped.state == .idle && stopped.inPrinter == 0 && stopped.good < 60)
        var counts = try await line.ledger.reconcile(batch: line.batch.id)
        // Nothing left in doubt: every label sent was printed and verified.
        #expect(counts.sent == 0 && counts.printedConfirmed == 0 && counts.unconfirmed == 0, "\(counts.table)")
        #expect(counts.verifiedPass == stopped.good)
        let journalPath = try #require(line.journal).path
        let journaled = try #require(try LineRunJournal(path: journalPath).run(of: "line-t"))
        #expect(journaled.batch == line.batch.id && journaled.target == 60 && journaled.settledBefore == 0 && journaled.mode == .continuous)

        let again = try await line.restarted()
        defer { Task { await again.finish() } }
        let resumed = try #require(try await again.workflow.resumeJournaledRun())
        #expect(resumed.batch == line.batch.id)
        let finished = try await withDeadline { await again.workflow.finished() }
        #expect(finished.good == 60 - stopped.good && finished.state == .idle)
        counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.verifiedPass == 60 && counts.isBalanced, "\(counts.table)")
        // The run is done: the journal forgets it, and a third start resumes nothing.
        #expect(again.journal?.run(of: "line-t") == nil)
        #expect(try LineRunJournal(path: journalPath).run(of: "line-t") == nil)
    }

    @Test("Labels a killed station left sent are flagged unconfirmed, never reprinted; only the rest is owed")
    func strandedLabelsAreFlagged() async throws {
        let line = try await LineFixture.start(quantity: 20, journaled: true)
        // A run that began, issued five codes and sent three of them, then the station died.
        // (The first run only makes the line's fixture print one label to start from.)
        try await line.workflow.start(batch: line.batch.id, count: 1)
        _ = try await withDeadline { await line.workflow.finished() }
        await line.workflow.close()
        let journalPath = try #require(line.journal).path
        try Data(#"{"line-t":{"batch":\#(line.batch.id),"mode":"continuous","target":12,"settled_before":1}}"#.utf8)
            .write(to: URL(fileURLWithPath: journalPath))
        let codes = try await line.ledger.issue(batch: line.batch.id, count: 5)
        try await line.ledger.record(codes.prefix(3).map { LabelChange(code: $0.value, event: .sent, batch: line.batch.id) })

        let again = try await line.restarted()
        defer { Task { await again.finish() } }
        _ = try #require(try await again.workflow.resumeJournaledRun())
        let finished = try await withDeadline { await again.workflow.finished() }
        // 12 owed: 3 flagged for the lead, 9 printed good, the two codes never sent among them.
        #expect(finished.good == 9, "\(finished)")
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.unconfirmed == 3 && counts.verifiedPass == 10 && counts.sent == 0 && counts.unused == 0, "\(counts.table)")
        #expect(counts.issued == 1 + 5 + 7, "\(counts.table)")
        for (index, code) in codes.enumerated() {
            let status = try #require(try await line.ledger.codeStatus(gtin: "06901234567892", serial: code.serial))
            #expect(status.state == (index < 3 ? .unconfirmed : .verifiedPass))
        }
    }

    @Test("A run an alarm ended, or whose batch was closed, is not resumed on its own")
    func alarmAndClosedRunsWait() async throws {
        let line = try await LineFixture.start(quantity: 10, faults: ["damage-label=1,2"], maximumConsecutiveFailures: 2, journaled: true)
        let stopped = try await line.run(10)
        guard case .stopped = stopped.state else {
            Issue.record("the line did not stop: \(stopped.state)")
            return
        }
        await line.workflow.close()
        let journalPath = try #require(line.journal).path
        #expect(try LineRunJournal(path: journalPath).run(of: "line-t")?.alarm != nil)
        let again = try await line.restarted()
        #expect(try await again.workflow.resumeJournaledRun() == nil)
        #expect(await again.workflow.snapshot.state == .idle)
        await again.workflow.close()

        // The lead closes the batch instead: the journal's run is dropped at the next start.
        try Data(#"{"line-t":{"batch":\#(line.batch.id),"mode":"continuous","target":10,"settled_before":0}}"#.utf8)
            .write(to: URL(fileURLWithPath: journalPath))
        _ = try await line.ledger.close(batch: line.batch.id, signer: CheckpointSigner(),
                                        override: CloseOverride(reason: "line stopped; rest of the lot scrapped", lead: "Li Na"))
        let third = try await line.restarted()
        defer { Task { await third.finish() } }
        #expect(try await third.workflow.resumeJournaledRun() == nil)
        #expect(third.journal?.run(of: "line-t") == nil)
    }

    @Test("A trigger-mode run resumes in trigger mode with the triggers still owed")
    func triggerModeResumes() async throws {
        let line = try await LineFixture.start(quantity: 20, journaled: true)
        try await line.workflow.startTriggered(batch: line.batch.id)
        try await line.workflow.pause()
        for _ in 0..<5 { try await line.workflow.trigger() }
        // Paused with five triggers owed: a shutdown keeps them.
        let stopped = await line.workflow.shutDown()
        #expect(stopped.good == 0 && stopped.target == 5)
        let again = try await line.restarted()
        defer { Task { await again.finish() } }
        let resumed = try #require(try await again.workflow.resumeJournaledRun())
        #expect(resumed.mode == .trigger)
        _ = try await waitFor(again.workflow) { $0.good == 5 }
        try await again.workflow.trigger()
        let finished = try await withDeadline { await again.workflow.finishTriggered() }
        #expect(finished.good == 6 && finished.state == .idle)
        #expect(again.journal?.run(of: "line-t") == nil)
    }

    @Test("A journal that cannot be read is refused with its path and what to do")
    func corruptJournal() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString).json").path
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try LineRunJournal(path: path)
        } throws: { error in
            let text = "\(error)"
            return text.contains(path) && text.contains("move it aside")
        }
    }
}
