import Ledger

extension LineWorkflow {
    /// Prints `count` good labels for the open `batch` and returns when they are all printed
    /// and verified (or flagged unconfirmed for the lead), or when an alarm stops the line once
    /// the labels in the printer have settled. The line waits through pauses.
    ///
    /// After an alarm, the lead's `resume()` goes on with the same batch as a new run of what
    /// was still owed (`finished()` waits for it): failed labels are reprinted first and unused
    /// codes are printed before new ones are issued.
    public func run(batch id: Int64, count: Int) async throws(StationError) -> LineStatus {
        try await start(batch: id, count: count)
        return await finished()
    }

    /// Starts a run of `count` good labels for the open `batch` and returns once it is under
    /// way; `finished()` waits for its end.
    public func start(batch id: Int64, count: Int) async throws(StationError) {
        guard count >= 1 else { throw StationError("line \(settings.id)", "a run prints at least 1 label, not \(count)") }
        try await begin(batch: id, target: count, triggered: false)
    }

    /// Returns the status once no run is under way: at once when idle; else when the run ends
    /// as `run(batch:count:)` describes. A run in trigger mode ends only after `finishTriggered()`.
    public func finished() async -> LineStatus {
        if runActive { await withCheckedContinuation { runWaiters.append($0) } }
        return snapshot
    }

    /// Starts trigger mode for the open `batch`: from now on each `trigger()` prints one
    /// label, verified and recorded as in a continuous run, until `finishTriggered()`.
    public func startTriggered(batch id: Int64) async throws(StationError) {
        try await begin(batch: id, target: 0, triggered: true)
    }

    /// One item passed the sensor: one more label to print; returns the run's target, which
    /// counts the labels triggered so far. Triggers while the line is paused are kept and
    /// printed, in order, when it goes on; a stopped line refuses them.
    @discardableResult
    public func trigger() throws(StationError) -> Int {
        let subject = "line \(settings.id)"
        guard triggered, runActive else { throw StationError(subject, "the line is not in trigger mode; start it with a batch first") }
        if let alarm { throw StationError(subject, "the line is stopped (\(alarm)); the lead must resume it first") }
        status.target += 1
        journal(target: status.target)
        publish()
        schedulePump()
        return status.target
    }

    /// Leaves trigger mode once every triggered label is printed, verified and recorded (or
    /// flagged, or an alarm stopped the line), and returns the status.
    public func finishTriggered() async -> LineStatus {
        guard triggered else { return snapshot }
        triggered = false
        if runActive {
            checkRunEnd()
            if runActive { await withCheckedContinuation { runWaiters.append($0) } }
        }
        return snapshot
    }

    /// Starts a run of `target` good labels (growing with each trigger in trigger mode),
    /// printing the batch's `unsent` codes (issued before a restart, never sent) before new ones.
    func begin(batch id: Int64, target: Int, triggered: Bool, unsent: [IssuedCode] = []) async throws(StationError) {
        let subject = "line \(settings.id)"
        guard !closed else { throw StationError(subject, "the line is closed") }
        guard !runActive else { throw StationError(subject, "a run is under way for batch \(batch?.id ?? 0); wait for it or pause it") }
        if let alarm { throw StationError(subject, "the line is stopped (\(alarm)); the lead must resume it first") }
        let found: Batch
        do {
            found = try await ledger.batch(id)
        } catch {
            throw StationError(subject, "batch \(id): \(error)")
        }
        guard found.state == .open else { throw StationError(subject, "batch \(id) is \(found.state.rawValue); open a new batch to print") }
        let entry = try await journalEntry(for: found, target: target, triggered: triggered)
        // Checked again: another call may have started a run while the ledger answered. From
        // here to the run's start nothing awaits, so no other call can come between.
        guard !runActive else { throw StationError(subject, "a run is under way for batch \(batch?.id ?? 0); wait for it or pause it") }
        try journalBegins(entry)
        if batch?.id != id {
            // Another batch's leftovers stay in the ledger as they are: unused, or failed.
            pool = unsent[...]
            owedReprints.removeAll()
        }
        batch = found
        var fresh = LineStatus(line: settings.id)
        fresh.run = status.run + 1
        fresh.batch = id
        fresh.target = target
        fresh.printerConnected = status.printerConnected
        fresh.printerProblems = status.printerProblems
        fresh.lastLabelImages = status.lastLabelImages
        fresh.recentVerdicts = status.recentVerdicts
        status = fresh
        consecutiveFailures = 0
        self.triggered = triggered
        runActive = true
        publish()
        schedulePump()
    }

    /// Whether the line may send labels now.
    var canPump: Bool {
        runActive && !closed && !stopping && alarm == nil && !operatorPaused && printerFaults.isEmpty && batch != nil
    }

    /// Labels still to hand to the link: the run's target less what is good, flagged, in the
    /// printer, awaiting a verdict, or owed a reprint (whose replacement fills its place).
    var stillToSend: Int {
        status.target - status.good - status.unconfirmedCodes.count - flights.count - awaitingVerdict.count - owedReprints.count
    }

    func schedulePump() {
        guard canPump else { return }
        if pumping {
            pumpAgain = true
            return
        }
        pumping = true
        Task { await self.pump() }
    }

    /// Keeps the printer fed: reprints owed first, then codes from the pool, issuing a block
    /// when it runs dry, never more than `labelsInPrinter` labels with the link at a time,
    /// nor more than that many awaiting their verdict. Each round gathers up to
    /// `labelsPerSubmit` codes, renders them side by side, and hands them over; the hand-off
    /// (its `sent` record, then the link) goes on while the next round renders.
    private func pump() async {
        repeat {
            pumpAgain = false
            guard let batch else { break }
            var codes: [IssuedCode] = []
            // Printed labels awaiting their verdict are bounded too: a line must not run ahead of its
            // verification, or failures in a row would stop it only labels later.
            while canPump, codes.count < Self.labelsPerSubmit, flights.count + codes.count < settings.labelsInPrinter,
                  awaitingVerdict.count < settings.labelsInPrinter {
                do throws(StationError) {
                    if let owed = owedReprints.first {
                        // The failed verdict must be on record before the void.
                        await writesDrained()
                        guard canPump else { break }
                        let replacement: IssuedCode
                        do {
                            replacement = try await ledger.reprint(code: owed.code, reason: owed.reason)
                        } catch {
                            throw StationError("line \(settings.id)", "cannot void and reprint \(owed.code): \(error)")
                        }
                        owedReprints.removeFirst()
                        status.voided += 1
                        status.issued += 1
                        codes.append(replacement)
                        continue
                    }
                    // The codes gathered are not in the printer yet, nor owed: they count as sent.
                    let unsent = stillToSend - codes.count
                    guard unsent > 0 else { break }
                    if pool.isEmpty {
                        let block = min(unsent, max(settings.labelsInPrinter, Self.codesPerIssue))
                        do {
                            pool = try await ledger.issue(batch: batch.id, count: block)[...]
                        } catch {
                            throw StationError("line \(settings.id)", "cannot issue \(block) codes for batch \(batch.id): \(error)")
                        }
                        status.issued += pool.count
                        continue
                    }
                    if let code = pool.popFirst() { codes.append(code) }
                } catch {
                    raise(alarm: error.description)
                }
            }
            guard !codes.isEmpty else { break }
            let rendered = await labels.render(codes, of: batch)
            for label in rendered.labels { track(label) }
            handOver(rendered.labels)
            if let failure = rendered.failure { raise(alarm: failure.description) }
            // The window may have room for more.
            pumpAgain = true
        } while pumpAgain && canPump
        pumping = false
        publish()
        checkRunEnd()
    }

    /// Codes issued at a time, at least, when the run needs that many: a block is one durable
    /// commit, a disk flush the pump waits for, so a line at a fast printer waits for one per
    /// 256 labels rather than one per window. Codes a stopped run leaves in the pool stay
    /// issued and unused, and the batch's next run prints them first.
    static let codesPerIssue = 256

    /// Labels rendered and handed to the link together, at most: at a fast printer the hop to
    /// the link's actor and back costs as much as a label, and sixteen labels are a few
    /// milliseconds of rendering, never long enough to leave the printer waiting.
    static let labelsPerSubmit = 16

    /// Counts a rendered label in the printer, and notes how its render is matched to it.
    private func track(_ label: LineLabel) {
        flights[label.code] = label.expected
        codesByFormat[label.formatHash] = label.code
        formatOfCode[label.code] = label.formatHash
    }

    /// Records the labels `sent`, then hands them to the link in one call, after the hand-off
    /// before it, so labels reach the printer in the order the ledger has them sent. Written
    /// ahead: a label the printer may have received is never merely `issued` in the ledger,
    /// so after a crash the codes still `issued` were never sent and can be printed, and
    /// those `sent` are flagged.
    private func handOver(_ labels: [LineLabel]) {
        guard !labels.isEmpty else { return }
        let before = handOff
        handOff = Task {
            await before?.value
            do {
                try await ledger.record(labels.map { change($0.code, .sent) })
            } catch {
                // Not sent: the codes stay `issued`, and the lead decides how the line goes on.
                for label in labels {
                    flights[label.code] = nil
                    forget(label.code)
                }
                raise(alarm: "the ledger refused to record \(labels.count) label(s) sent: \(error)")
                checkRunEnd()
                return
            }
            let now = ContinuousClock.now
            for label in labels { sentAt[label.code] = now }
            await printer.link.submit(contentsOf: labels.map { ($0.format, 1, $0.code) })
        }
    }

    /// Stops the line with an alarm for the lead; labels in the printer still settle.
    func raise(alarm message: String) {
        guard alarm == nil else { return }
        alarm = message
        publish()
    }

    /// Ends the run once its target is met (or an alarm or a shutdown stopped it) and nothing is
    /// in doubt: no label in the printer, none awaiting its verdict, every decision on record.
    /// A trigger-mode run lasts until `finishTriggered()` or a shutdown.
    func checkRunEnd() {
        guard runActive, !triggered || stopping, !pumping, flights.isEmpty, awaitingVerdict.isEmpty, writes.isEmpty, !writing else { return }
        guard targetMet || alarm != nil || closed || stopping else { return }
        endRun()
    }

    /// Whether the run printed every label it was to print (good, or flagged for the lead).
    var targetMet: Bool {
        status.good + status.unconfirmedCodes.count >= status.target && owedReprints.isEmpty
    }

    /// Ends the run, tells the journal how, and wakes whoever waits for the end.
    func endRun() {
        runActive = false
        if triggered || !targetMet {
            // Stopped early (an alarm, a shutdown): the journal keeps the run for the next start.
            journal(target: status.target)
        } else {
            journal(target: nil)
        }
        publish()
        let waiters = runWaiters
        runWaiters.removeAll()
        for waiter in waiters { waiter.resume() }
    }
}
