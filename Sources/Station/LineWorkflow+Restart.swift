import Ledger

/// Stopping for a station shutdown, and going on with the journal's run at the next start.
extension LineWorkflow {
    /// Stops the line for a station shutdown (SIGTERM): nothing more is sent; the labels
    /// already in the printer are printed, verified and recorded, for up to `grace`; the run
    /// stays in the journal for the next start. Then the line closes. Labels still unsettled
    /// when `grace` runs out are left as the printer link proves them (sent, unconfirmed).
    public func shutDown(grace: Duration = .seconds(10)) async -> LineStatus {
        stopping = true
        publish()
        checkRunEnd()
        let timer = Task { [weak self] in
            try await Task.sleep(for: grace)
            await self?.endRunNow()
        }
        _ = await finished()
        timer.cancel()
        await close()
        return snapshot
    }

    private func endRunNow() {
        if runActive { endRun() }
    }

    /// Goes on with the run the journal holds for this line, if any, and returns it.
    ///
    /// Labels the stopped station left sent with no outcome are flagged unconfirmed for the
    /// lead, never reprinted on their own; codes it issued and never sent are printed first.
    /// What the run achieved is read from the ledger, so only what is still owed is printed:
    /// the good labels the run was to print less those settled since it began (verified,
    /// printed with their verdict lost, or flagged). A run an alarm ended, or whose batch is
    /// closed, is not resumed: the lead decides.
    public func resumeJournaledRun() async throws(StationError) -> LineRunJournal.Run? {
        guard let journal, let run = journal.run(of: settings.id) else { return nil }
        let subject = "line \(settings.id), batch \(run.batch)"
        if let alarm = run.alarm {
            logger.warning("an alarm ended the last run before the station stopped; the lead starts it again",
                           metadata: ["batch.id": "\(run.batch)", "alarm": "\(alarm)"])
            return nil
        }
        let counts: Reconciliation
        let unsent: [IssuedCode]
        do {
            guard try await ledger.batch(run.batch).state == .open else {
                try journal.set(nil, for: settings.id)
                return nil
            }
            let stranded = try await ledger.codes(batch: run.batch, in: .sent)
            if !stranded.isEmpty {
                try await ledger.record(stranded.map { LabelChange(code: $0.value, event: .unconfirmed, batch: run.batch) })
                logger.warning("labels sent before the station stopped, fate unknown: flagged unconfirmed for the lead",
                               metadata: ["batch.id": "\(run.batch)", "labels": "\(stranded.count)"])
            }
            counts = try await ledger.reconcile(batch: run.batch)
            // `sent` is written before a label goes to the printer, so these never did.
            unsent = try await ledger.codes(batch: run.batch, in: .issued)
        } catch {
            throw StationError(subject, "cannot resume the run: \(error)")
        }
        let owed = run.target - (LineRunJournal.settled(counts) - run.settledBefore)
        if counts.printedConfirmed > 0 && check != nil {
            logger.warning("labels printed before the station stopped whose verdict was lost: the lead verifies or voids them",
                           metadata: ["batch.id": "\(run.batch)", "labels": "\(counts.printedConfirmed)"])
        }
        logger.notice("resuming the run the station was on when it stopped",
                      metadata: ["batch.id": "\(run.batch)", "owed": "\(max(0, owed))", "mode": "\(run.mode.rawValue)"])
        switch run.mode {
        case .continuous:
            guard owed > 0 else {
                try journal.set(nil, for: settings.id)
                return run
            }
            try await begin(batch: run.batch, target: owed, triggered: false, unsent: unsent)
        case .trigger:
            try await begin(batch: run.batch, target: 0, triggered: true, unsent: unsent)
            for _ in 0..<max(0, owed) { try trigger() }
        }
        return run
    }

    /// The journal's record of a run about to begin, with the batch's counts now; nil when
    /// the line keeps no journal.
    func journalEntry(for batch: Batch, target: Int, triggered: Bool) async throws(StationError) -> LineRunJournal.Run? {
        guard journal != nil else { return nil }
        let counts: Reconciliation
        do {
            counts = try await ledger.reconcile(batch: batch.id)
        } catch {
            throw StationError("line \(settings.id), batch \(batch.id)", "cannot count the batch for the run journal: \(error)")
        }
        return LineRunJournal.Run(batch: batch.id, mode: triggered ? .trigger : .continuous, target: target,
                                  settledBefore: LineRunJournal.settled(counts))
    }

    /// Writes the run that begins to the journal.
    func journalBegins(_ run: LineRunJournal.Run?) throws(StationError) {
        guard let journal, let run else { return }
        try journal.set(run, for: settings.id)
        journaledRun = run
    }

    /// Updates the journal's run: its target so far (nil: the run is done). A journal that
    /// cannot be written does not stop the line, whose ledger holds every label; it is told
    /// to the log, as the next start could not resume the run.
    func journal(target: Int?) {
        guard let journal, var run = journaledRun else { return }
        do {
            if let target {
                run.target = target
                run.alarm = alarm
                journaledRun = run
                try journal.set(run, for: settings.id)
            } else {
                journaledRun = nil
                try journal.set(nil, for: settings.id)
            }
        } catch {
            logger.error("the run journal cannot be written; a restart would not resume this run", metadata: ["error": "\(error)"])
        }
    }
}
