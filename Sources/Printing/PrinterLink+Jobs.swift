import NIOCore

extension PrinterLink {
    func startWorker() {
        guard worker == nil else { return }
        worker = Task { await self.run() }
    }

    /// Sends jobs and proves them printed, one step at a time, until the link closes.
    private func run() async {
        while !closed && !Task.isCancelled {
            if isIdle || (inPrinter.isEmpty && pausedByStation) {
                flushUpdates()
                notifyIfIdle()
                await withCheckedContinuation { workWaiter = $0 }
                continue
            }
            await acquire()
            await step()
            flushUpdates()
            release()
        }
    }

    private func step() async {
        let channel: Channel
        do {
            channel = try await connection()
        } catch {
            // The printer cannot be reached: queued jobs fail, sent ones cannot be proven.
            for job in queue { move(job, to: .failed, reason: error.description) }
            queue.removeAll()
            for entry in inPrinter { move(entry.job, to: .unconfirmed, reason: error.description) }
            inPrinter.removeAll()
            notifyIfIdle()
            return
        }
        let window = currentWindow()
        if expectedOdometer == nil {
            await settle(waitForPrinting: true, unprinted: .unconfirmed, reason: "the connection was lost after sending")
        } else if canSend(within: window) {
            sendBatch(on: channel, within: window)
        } else {
            await poll()
        }
    }

    /// Whether a batch may go out now, within a window of `window` jobs.
    private func canSend(within window: Int) -> Bool {
        !queue.isEmpty && !pausedByStation && inPrinter.count < window && lastStatus?.isReady == true
    }

    /// Twice the jobs the printer printed in the last `windowTime`, within the configured
    /// bounds: it doubles each round trip while the printer keeps up, and falls back to the
    /// minimum within `windowTime` of the printer stopping. Forgets older confirmations.
    private func currentWindow() -> Int {
        let horizon = ContinuousClock.now - configuration.windowTime
        while let oldest = recentConfirmations.first, oldest.time < horizon {
            recentlyConfirmed -= recentConfirmations.removeFirst().jobs
        }
        return min(configuration.maximumWindow, max(configuration.window, 2 * recentlyConfirmed))
    }

    /// Writes queued jobs as one write, up to a batch and within the window, with an odometer
    /// query right behind them in the same flush: the printer answers it once it has read the
    /// jobs, so proof costs no round trip of its own and the link need not wait for it before
    /// sending the next batch. A job is `sent` once it is handed to the connection: from then
    /// on it may print, so it is never sent again.
    /// A batch is at most half the window, so that one batch is confirmed while the next is
    /// still on its way and the printer is never left waiting for the link.
    private func sendBatch(on channel: Channel, within window: Int) {
        guard var target = expectedOdometer else { return }
        if inPrinter.isEmpty { lastProgress = .now }
        let count = min(queue.count, window - inPrinter.count, max(1, (window + 1) / 2))
        var payload = channel.allocator.buffer(capacity: queue.prefix(count).reduce(0) { $0 + $1.format.count })
        for _ in 0..<count {
            let job = queue.removeFirst()
            target += job.quantity
            inPrinter.append((job, target))
            move(job, to: .sent, reason: nil)
            payload.writeBytes(job.format)
        }
        expectedOdometer = target
        let jobs = PrinterRequest(payload: payload, framing: .none, description: "\(count) jobs",
                                  deadline: TimeAmount(configuration.writeTimeout), promise: channel.eventLoop.makePromise())
        let reading = makeRequest(.odometer, on: channel)
        write([jobs, reading], on: channel)
        // A batch that could not be written fails its reading with the reason.
        readings.append(jobs.promise.futureResult.flatMap { _ in reading.promise.futureResult })
    }

    /// Confirms what the oldest odometer reading sent behind a batch proves, or a new reading
    /// when none is on its way; without progress, reads the status: a fault holds the jobs
    /// (the deadline waits), silence does not.
    private func poll() async {
        do {
            let odometer = try await nextOdometer()
            if confirm(upTo: odometer) > 0 && lastStatus?.isReady == true { return }
            // A later reading may show what this one does not: the printer may be reading still.
            if !readings.isEmpty { return }
        } catch {
            // Readings behind a failed one failed with it.
            readings.removeAll()
            guard channel != nil else { return }
        }
        let status = await readStatus()
        publish(status)
        guard channel != nil else { return }
        let holding = !status.isReady && !status.problems.contains { [.offline, .hostStatusSilent, .unreadableStatus].contains($0) }
        if holding { lastProgress = .now }
        if !inPrinter.isEmpty, status.isReady, let host = status.host,
           host.formatsInBuffer == 0, host.labelsRemaining == 0, !host.partialFormat {
            // The printer holds nothing: what the odometer does not show now never printed.
            await settle(waitForPrinting: false, unprinted: .unconfirmed, reason: "the printer's buffer emptied without printing it")
            return
        }
        if !inPrinter.isEmpty, ContinuousClock.now - lastProgress > configuration.confirmationTimeout {
            for entry in inPrinter {
                move(entry.job, to: .unconfirmed, reason: "no proof of printing within \(configuration.confirmationTimeout); status: \(status.problems)")
            }
            inPrinter.removeAll()
            // Those jobs may still print: count again from the printer before sending more.
            expectedOdometer = nil
            notifyIfIdle()
            return
        }
        try? await Task.sleep(for: configuration.pollInterval)
    }

    private func nextOdometer() async throws(PrintingError) -> Int {
        guard let reading = readings.popFirst() else { return try await readOdometer() }
        return try Self.odometer(from: await answer(reading))
    }

    /// Confirms, in order, the jobs the odometer reading proves printed.
    @discardableResult
    func confirm(upTo odometer: Int) -> Int {
        var count = 0
        while let first = inPrinter.first, first.target <= odometer {
            inPrinter.removeFirst()
            move(first.job, to: .printed, reason: nil)
            count += 1
        }
        // Readings still on their way have nothing left to prove.
        if inPrinter.isEmpty { readings.removeAll() }
        if count > 0 {
            lastProgress = .now
            recentConfirmations.append((lastProgress, count))
            recentlyConfirmed += count
            notifyIfIdle()
        }
        return count
    }

    /// Restores the chain of proof after it broke (a new connection, a timeout, a cancel):
    /// jobs the odometer proves printed are `printed`, the others `unprinted` (`cancelled` only
    /// when the printer's buffer is empty, which proves they will not print) or `unconfirmed`;
    /// later jobs count from this reading plus whatever the printer still holds.
    func settle(waitForPrinting: Bool, unprinted: PrintJobState, reason: String) async {
        var status = await readStatus()
        if waitForPrinting {
            // Give formats already in the printer the time to print, so that they can be proven.
            let deadline = ContinuousClock.now + configuration.confirmationTimeout
            while !inPrinter.isEmpty, status.isReady, (status.formatsInBuffer ?? 0) > 0, ContinuousClock.now < deadline {
                try? await Task.sleep(for: configuration.pollInterval)
                status = await readStatus()
            }
        }
        publish(status)
        guard let odometer = try? await readOdometer() else {
            for entry in inPrinter { move(entry.job, to: .unconfirmed, reason: reason) }
            inPrinter.removeAll()
            expectedOdometer = nil
            notifyIfIdle()
            return
        }
        confirm(upTo: odometer)
        let emptied = status.formatsInBuffer == 0 && status.labelsRemaining == 0
        for entry in inPrinter {
            move(entry.job, to: unprinted == .cancelled && emptied ? .cancelled : .unconfirmed, reason: reason)
        }
        inPrinter.removeAll()
        expectedOdometer = odometer + (status.labelsRemaining ?? 0)
        lastProgress = .now
        notifyIfIdle()
    }
}
