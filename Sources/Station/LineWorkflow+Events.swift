import Foundation
import Ledger
import NIOPosix
import Printing
import VirtualPrinter

extension LineWorkflow {
    /// One event of the printer link: its job moves become one ledger write.
    func handle(_ event: PrinterEvent) {
        switch event {
        case .connected:
            status.printerConnected = true
        case .disconnected:
            status.printerConnected = false
        case .status(let printerStatus):
            let wasHeld = !printerFaults.isEmpty
            status.printerProblems = printerStatus.problems
            if !wasHeld && !printerFaults.isEmpty && runActive { status.printerPauses += 1 }
        case .jobs(let updates):
            record(jobsMoved(updates))
        }
        publish()
        schedulePump()
        checkRunEnd()
    }

    /// The ledger steps of the line's labels that moved, in order.
    private func jobsMoved(_ updates: [PrintJobUpdate]) -> [LabelChange] {
        var changes: [LabelChange] = []
        for update in updates {
            guard let code = update.reference, let expected = flights[code] else { continue }
            switch update.state {
            case .queued, .sent:
                // `sent` is on record already: written before the label was handed to the link.
                continue
            case .printed:
                flights[code] = nil
                status.printed += 1
                changes.append(change(code, .printed))
                if check == nil {
                    status.good += 1
                    settled(code, passed: true)
                    forget(code)
                } else if let verdict = earlyVerdicts.removeValue(forKey: code) {
                    changes += judged(code, verdict)
                } else {
                    awaitVerdict(code, expected)
                }
            case .unconfirmed:
                // Flagged for the lead, never sent again; a render may still settle it.
                flights[code] = nil
                status.unconfirmedCodes.append(code)
                changes.append(change(code, .unconfirmed))
                if let verdict = earlyVerdicts.removeValue(forKey: code) {
                    changes += judged(code, verdict)
                } else if check != nil {
                    unsettled[code] = expected
                }
            case .failed, .cancelled:
                // The printer proved it did not print, or it was never sent: void it.
                flights[code] = nil
                forget(code)
                let reason = update.reason ?? update.state.rawValue
                changes.append(change(code, .voided(reason: "print job \(update.state.rawValue): \(reason)")))
                status.voided += 1
                if update.state == .failed { raise(alarm: "the printer could not print \(code): \(reason)") }
            }
        }
        return changes
    }

    /// A printed label, as the virtual printer rendered it: decoded off the actor, then judged.
    func verify(_ printed: VirtualPrinter.PrintedLabel) async {
        if let file = printed.file { keep(image: file) }
        guard let check, let code = codesByFormat[VirtualPrinter.formatHash(printed.format)],
              let expected = flights[code] ?? awaitingVerdict[code] ?? unsettled[code] else { return }
        let verdict = await Self.offLoop { check.verify(printed.bitmap.grayImage(), expected: expected) }
        settle(code, verdict)
        publish()
        schedulePump()
        checkRunEnd()
    }

    /// Records the verdict of a label in the printer or printed, and whether it was still
    /// owed one: a verdict that comes before the link proves the label printed waits for
    /// that proof; one for a label already judged is too late.
    @discardableResult
    func settle(_ code: String, _ verdict: LabelCheck.Verdict) -> Bool {
        if awaitingVerdict[code] != nil || unsettled[code] != nil {
            record(judged(code, verdict))
        } else if flights[code] != nil {
            earlyVerdicts[code] = verdict
        } else {
            return false
        }
        return true
    }

    /// Adds an image to the status's latest, dropping the oldest beyond `keptImages`.
    func keep(image path: String) {
        status.lastLabelImages.append(path)
        if status.lastLabelImages.count > keptImages { status.lastLabelImages.removeFirst(status.lastLabelImages.count - keptImages) }
    }

    /// Decoding takes milliseconds, and up to the decoder's time budget for an unreadable
    /// label: it runs on NIO's blocking-work threads, never on the concurrency pool, whose
    /// few threads the printer links and the other lines' actors need to keep moving.
    static func offLoop<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        (try? await NIOThreadPool.singleton.runIfActive(work)) ?? work()
    }

    /// The verdict's ledger step and what the line does about it: a failed label is voided
    /// and reprinted, and too many failures in a row stop the line.
    private func judged(_ code: String, _ verdict: LabelCheck.Verdict) -> [LabelChange] {
        verdictDeadlines.removeValue(forKey: code)?.cancel()
        awaitingVerdict[code] = nil
        unsettled[code] = nil
        settled(code, passed: verdict.passed)
        forget(code)
        status.unconfirmedCodes.removeAll { $0 == code }
        status.recentVerdicts.append(LineStatus.Verdict(time: Date(), code: code, passed: verdict.passed,
                                                        grade: verdict.grade?.letter, score: verdict.grade?.overall))
        if status.recentVerdicts.count > keptVerdicts { status.recentVerdicts.removeFirst(status.recentVerdicts.count - keptVerdicts) }
        if verdict.passed {
            status.verifiedPass += 1
            status.good += 1
            consecutiveFailures = 0
            return [change(code, .verifiedPass)]
        }
        status.verifiedFail += 1
        consecutiveFailures += 1
        owedReprints.append((code, "failed verification: \(verdict.detail)"))
        if consecutiveFailures >= settings.maximumConsecutiveFailures {
            raise(alarm: "\(consecutiveFailures) labels in a row failed verification (last \(code): \(verdict.detail))")
        }
        return [change(code, .verifiedFail)]
    }

    /// Tells `labelSettled` how long the label took since it went to the printer.
    private func settled(_ code: String, passed: Bool) {
        if let sent = sentAt.removeValue(forKey: code) { labelSettled?(.now - sent, passed) }
    }

    func forget(_ code: String) {
        earlyVerdicts[code] = nil
        sentAt[code] = nil
        if let hash = formatOfCode.removeValue(forKey: code) { codesByFormat[hash] = nil }
    }

    func change(_ code: String, _ event: LabelEvent) -> LabelChange {
        LabelChange(code: code, event: event, batch: batch?.id)
    }

    /// Queues ledger steps behind those decided before; one writer commits them in order,
    /// as few commits as the ledger's pace allows.
    func record(_ changes: [LabelChange]) {
        guard !changes.isEmpty else { return }
        writes += changes
        guard !writing else { return }
        writing = true
        Task { await self.drainWrites() }
    }

    private func drainWrites() async {
        while !writes.isEmpty {
            let next = writes
            writes.removeAll()
            do {
                try await ledger.record(next)
            } catch {
                raise(alarm: "the ledger refused \(next.count) label step(s): \(error)")
            }
        }
        writing = false
        let waiters = drainWaiters
        drainWaiters.removeAll()
        for waiter in waiters { waiter.resume() }
        checkRunEnd()
    }

    /// Returns once every ledger step decided so far is committed.
    func writesDrained() async {
        guard writing || !writes.isEmpty else { return }
        await withCheckedContinuation { drainWaiters.append($0) }
    }
}
