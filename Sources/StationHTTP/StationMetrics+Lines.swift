import Station

extension StationMetrics {
    /// Feeds the line's counts into the metrics as they change, until the line closes.
    ///
    /// The line publishes whole snapshots, and a slow reader may miss some; counting the
    /// difference between successive snapshots (from zero when a new run begins) loses nothing.
    public func follow(_ workflow: LineWorkflow) async -> Task<Void, Never> {
        let changes = await workflow.statusChanges()
        let line = workflow.settings.id
        return Task {
            var last = LineStatus(line: line)
            for await status in changes {
                let base = status.run == last.run ? last : LineStatus(line: line)
                record(from: base, to: status)
                last = status
            }
        }
    }

    private func record(from base: LineStatus, to status: LineStatus) {
        let line = status.line
        // Counts only grow within a run; a counter must never be given a negative step.
        if status.printed > base.printed { labelPrinted(line: line, count: status.printed - base.printed) }
        if status.verifiedPass > base.verifiedPass { labelVerified(line: line, passed: true, count: status.verifiedPass - base.verifiedPass) }
        if status.verifiedFail > base.verifiedFail { labelVerified(line: line, passed: false, count: status.verifiedFail - base.verifiedFail) }
        if status.voided > base.voided { labelVoided(line: line, count: status.voided - base.voided) }
        if status.printerPauses > base.printerPauses { printerFault(line: line, count: status.printerPauses - base.printerPauses) }
        setQueueDepth(status.inPrinter, line: line)
    }
}
