/// What a printer link tells the station, in order, for it to record.
public enum PrinterEvent: Sendable, Equatable {
    case connected(host: String, port: Int)
    case disconnected(reason: String)
    /// The printer's status changed: a fault appeared or cleared, or it went silent.
    case status(PrinterStatus)
    /// Job moves in the order they happened, gathered per step of the link: the jobs queued
    /// since its last step, a batch sent, the jobs one odometer reading proves printed. The
    /// station wakes once per step rather than once per job. Never empty.
    case jobs([PrintJobUpdate])
}

/// One job's move to a new state.
public struct PrintJobUpdate: Sendable, Equatable {
    public let id: PrintJob.ID
    public let reference: String?
    public let state: PrintJobState
    /// Why, for `unconfirmed`, `failed` and `cancelled`.
    public let reason: String?
}
