import Printing

/// Everything a link reported, kept for a test to look at.
actor EventLog {
    private(set) var events: [PrinterEvent] = []

    static func recording(_ link: PrinterLink) -> EventLog {
        let log = EventLog()
        Task {
            for await event in link.events { await log.append(event) }
        }
        return log
    }

    private func append(_ event: PrinterEvent) { events.append(event) }

    var problemsReported: Set<PrinterProblem> {
        Set(events.flatMap { event -> [PrinterProblem] in
            if case let .status(status) = event { return status.problems }
            return []
        })
    }

    func updates(for id: PrintJob.ID) -> [PrintJobState] {
        events.flatMap { event -> [PrintJobState] in
            guard case let .jobs(updates) = event else { return [] }
            return updates.filter { $0.id == id }.map(\.state)
        }
    }
}

/// Waits until `condition` holds, for at most `timeout`; returns whether it came to hold.
func eventually(within timeout: Duration = .seconds(15), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}
