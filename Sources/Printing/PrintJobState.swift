/// Where a print job is in its life:
///
/// ```
/// queued ─► sent ─► printed        (the odometer proves it)
///   │         ├───► unconfirmed    (the link cannot prove it: connection lost, status silent)
///   │         ├───► failed         (the printer reported an error before printing)
///   │         └───► cancelled      (~JA, and the printer proves it did not print)
///   ├──► failed                    (the printer could not be reached)
///   └──► cancelled
/// ```
///
/// An unconfirmed job is never resent by the link: the station asks the verifier or the lead.
public enum PrintJobState: String, Sendable, Hashable, CaseIterable, Codable {
    case queued, sent, printed, unconfirmed, failed, cancelled

    /// Whether the job can still change state.
    public var isFinal: Bool { ![.queued, .sent].contains(self) }

    /// Whether the life above allows the move; the link refuses any other.
    public func canMove(to next: PrintJobState) -> Bool {
        switch (self, next) {
        case (.queued, .sent), (.queued, .failed), (.queued, .cancelled): true
        case (.sent, .printed), (.sent, .unconfirmed), (.sent, .failed), (.sent, .cancelled): true
        default: false
        }
    }
}
