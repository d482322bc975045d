import Foundation
import Ledger
import Printing
import Station
import Testing

@Suite("Line workflow on the virtual printer", .serialized)
struct LineWorkflowTests {
    @Test("A continuous run prints and verifies every label once; the batch balances and the audit verifies")
    func continuousRun() async throws {
        let line = try await LineFixture.start(quantity: 12)
        defer { Task { await line.finish() } }
        let status = try await line.run(12)
        #expect(status.state == .idle)
        #expect(status.good == 12 && status.printed == 12 && status.verifiedPass == 12)
        #expect(status.verifiedFail == 0 && status.voided == 0 && status.unconfirmed == 0)
        #expect(status.lastLabelImages.count == 8 && status.lastLabelImages.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.issued == 12 && counts.verifiedPass == 12 && counts.isBalanced, "\(counts.table)")
        let formats = try line.printedFormats()
        #expect(formats.count == 12 && Set(formats).count == 12)
        _ = try await line.ledger.close(batch: line.batch.id, signer: CheckpointSigner(), override: nil)
        #expect(try await line.ledger.verifyAudit(trustedKey: nil).isIntact)
    }

    @Test("A line that does not verify prints every label once, and its printer draws none of them")
    func unverifiedRun() async throws {
        // More labels than one hand-over to the link, in a window that takes several.
        let line = try await LineFixture.start(quantity: 50, labelsInPrinter: 40) { settings, _ in settings.verification = .none }
        defer { Task { await line.finish() } }
        let status = try await line.run(50)
        #expect(status.state == .idle && status.good == 50 && status.printed == 50 && status.issued == 50)
        #expect(status.verifiedPass == 0 && status.voided == 0 && status.unconfirmed == 0 && status.lastLabelImages.isEmpty)
        let printer = try #require(line.workflow.virtualPrinter)
        let renders = await printer.configuration.renders
        #expect(await printer.odometer == 50 && !renders)
        #expect(!FileManager.default.fileExists(atPath: "\(line.folder)/labels/labels.jsonl"))
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.issued == 50 && counts.printedConfirmed == 50 && counts.sent == 0 && counts.unused == 0, "\(counts.table)")
    }

    @Test("An unreadable label is voided and reprinted with a new code linked to it")
    func damagedLabel() async throws {
        let line = try await LineFixture.start(quantity: 6, faults: ["damage-label=3"])
        defer { Task { await line.finish() } }
        let status = try await line.run(6)
        #expect(status.good == 6 && status.printed == 7 && status.verifiedFail == 1 && status.voided == 1)
        #expect(await line.workflow.virtualPrinter?.odometer == 7)
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.verifiedPass == 6 && counts.voided == 1 && counts.reprinted == 1 && counts.isBalanced, "\(counts.table)")
        let records = try await line.ledger.reportableRecords(batch: line.batch.id, destination: nil)
        let void = try #require(records.voids.first)
        #expect(records.voids.count == 1 && void.reason.contains("failed verification"))
        let replacement = try #require(void.replacedBy)
        #expect(replacement != void.value)
        #expect(records.codes.contains { $0.value == replacement && $0.state == .verifiedPass })
        #expect(try await line.ledger.verifyAudit(trustedKey: nil).isIntact)
    }

    @Test("Unreadable labels in a row stop the line with an alarm; once the lead resumes, it finishes the batch")
    func consecutiveFailuresStop() async throws {
        let line = try await LineFixture.start(quantity: 10, faults: ["damage-label=2,3,4"], maximumConsecutiveFailures: 3)
        defer { Task { await line.finish() } }
        let stopped = try await line.run(10)
        guard case .stopped(let alarm) = stopped.state else {
            Issue.record("the line did not stop: \(stopped.state)")
            return
        }
        #expect(alarm.contains("3 labels in a row failed verification"))
        #expect(stopped.verifiedFail == 3)
        await #expect(throws: StationError.self) { _ = try await line.workflow.run(batch: line.batch.id, count: 1) }

        // The lead's acknowledgement goes on with the labels the stopped run still owed.
        try await line.workflow.resume()
        let workflow = line.workflow
        let finished = try await withDeadline { await workflow.finished() }
        #expect(finished.state == .idle && finished.good == stopped.remaining)
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.verifiedPass == 10 && counts.voided == 3 && counts.reprinted == 3 && counts.isBalanced, "\(counts.table)")
        #expect(await line.workflow.virtualPrinter?.odometer == 13)
    }

    @Test("Paper out mid-run pauses the line; once cleared it resumes where it stopped, no label lost or doubled")
    func paperOut() async throws {
        let line = try await LineFixture.start(quantity: 12, faults: ["paper-out-after=5"])
        defer { Task { await line.finish() } }
        let workflow = line.workflow
        let run = Task { try await line.run(12) }
        let paused = try await waitFor(workflow) { $0.printerProblems.contains(.paperOut) }
        guard case .paused = paused.state else {
            Issue.record("paper out did not pause the line: \(paused.state)")
            return
        }
        #expect(await workflow.virtualPrinter?.odometer == 5)
        try await workflow.virtualPrinter?.setFault("paper-out-after=-1")
        let status = try await run.value
        #expect(status.state == .idle && status.printerPauses == 1)
        #expect(status.good == 12 && status.printed == 12 && status.unconfirmed == 0)
        let formats = try line.printedFormats()
        #expect(formats.count == 12 && Set(formats).count == 12)
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.verifiedPass == 12 && counts.issued == 12 && counts.isBalanced, "\(counts.table)")
    }

    @Test("Whatever the fault positions, every label is printed once, verified, and the ledger balances",
          arguments: [11, 23, 37])
    func randomFaults(seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        let quantity = Int.random(in: 4...9, using: &random)
        let damaged = Set((0..<Int.random(in: 0...2, using: &random)).map { _ in Int.random(in: 1...quantity, using: &random) })
        let paperOut = Int.random(in: 1..<quantity, using: &random)
        var faults = ["paper-out-after=\(paperOut)"]
        if !damaged.isEmpty { faults.append("damage-label=" + damaged.sorted().map(String.init).joined(separator: ",")) }
        let line = try await LineFixture.start(quantity: quantity, faults: faults, maximumConsecutiveFailures: damaged.count + 1,
                                               labelsInPrinter: Int.random(in: 1...6, using: &random))
        defer { Task { await line.finish() } }
        let workflow = line.workflow
        let run = Task { try await line.run(quantity) }
        _ = try await waitFor(workflow) { $0.printerProblems.contains(.paperOut) }
        try await workflow.virtualPrinter?.setFault("paper-out-after=-1")
        let status = try await run.value
        #expect(status.state == .idle, "faults \(faults)")
        #expect(status.good == quantity && status.verifiedFail == damaged.count && status.voided == damaged.count)
        #expect(await workflow.virtualPrinter?.odometer == quantity + damaged.count)
        let formats = try line.printedFormats()
        #expect(Set(formats).count == formats.count, "no label printed twice")
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.verifiedPass == quantity && counts.voided == damaged.count && counts.reprinted == damaged.count
                && counts.isBalanced, "faults \(faults): \(counts.table)")
        #expect(try await line.ledger.verifyAudit(trustedKey: nil).isIntact)
    }

    @Test("Labels whose fate the printer link cannot prove are flagged for the lead, never voided or reprinted")
    func unconfirmedFlagged() async throws {
        // Formats longer than 100 bytes cut the connection, as a cable pulled mid-job.
        let line = try await LineFixture.start(quantity: 6, faults: ["drop-after-bytes=100"])
        defer { Task { await line.finish() } }
        let workflow = line.workflow
        let run = Task { try await line.run(6) }
        _ = try await waitFor(workflow) { $0.unconfirmed > 0 }
        try await workflow.virtualPrinter?.setFault("drop-after-bytes=0")
        let status = try await run.value
        #expect(status.state == .idle)
        #expect(status.unconfirmed > 0 && status.unconfirmedCodes.count == status.unconfirmed)
        #expect(status.good + status.unconfirmed == 6 && status.voided == 0)
        #expect(await workflow.virtualPrinter?.odometer == status.good)
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.unconfirmed == status.unconfirmed && counts.verifiedPass == status.good, "\(counts.table)")
        #expect(counts.voided == 0 && counts.reprinted == 0 && counts.isBalanced, "\(counts.table)")
    }

    @Test("In trigger mode each trigger prints one verified label; triggers while paused print once resumed")
    func triggerMode() async throws {
        let line = try await LineFixture.start(quantity: 5)
        defer { Task { await line.finish() } }
        let workflow = line.workflow
        await #expect(throws: StationError.self) { try await workflow.trigger() }
        try await workflow.startTriggered(batch: line.batch.id)
        for _ in 0..<3 { try await workflow.trigger() }
        _ = try await waitFor(workflow) { $0.good == 3 }
        try await workflow.pause()
        for _ in 0..<2 { try await workflow.trigger() }
        let paused = await workflow.snapshot
        #expect(paused.state == .paused(reason: "paused by the operator") && paused.target == 5 && paused.good == 3)
        try await workflow.resume()
        let status = try await withDeadline { await workflow.finishTriggered() }
        #expect(status.state == .idle && status.good == 5 && status.printed == 5)
        #expect(await workflow.virtualPrinter?.odometer == 5)
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.issued == 5 && counts.verifiedPass == 5 && counts.isBalanced, "\(counts.table)")
    }

    @Test("Settings the line cannot run are refused with the rule they break")
    func badSettings() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("station-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ledger = try SQLiteLedger(path: "\(folder)/ledger.sqlite", station: "test-station")
        let cases: [(LineSettings, String)] = [
            (LineSettings(id: "a", template: "no-such-template"), "template \"no-such-template\""),
            (LineSettings(id: "b", device: "no-such-device"), "device \"no-such-device\""),
            (LineSettings(id: "c", minimumGrade: "Q"), "minimum grade \"Q\" is not a grade"),
            (LineSettings(id: "d", labelsInPrinter: 0), "labels in printer must be at least 1"),
            (LineSettings(id: "e", printer: .network(host: "127.0.0.1", port: 9100)), "needs the virtual printer"),
            (LineSettings(id: "f", verification: .watchedFolder("\(folder)/ledger.sqlite/camera")), "cannot create the camera folder"),
            (LineSettings(id: "g", verification: .watchedFolder("\(folder)/camera"), verificationTimeout: .zero),
             "verification timeout must be more than 0"),
        ]
        for (settings, message) in cases {
            do {
                let workflow = try await LineWorkflow.start(settings: settings, ledger: ledger, labelFolder: "\(folder)/labels")
                await workflow.close()
                Issue.record("line \(settings.id) was accepted")
            } catch {
                #expect(error.description.contains("line \(settings.id)") && error.description.contains(message), "\(error)")
            }
        }
    }
}

/// SplitMix64: the same faults for the same seed, on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
