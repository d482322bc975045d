/// Where a line stands, as the operator and the dashboard see it.
public enum LineState: Sendable, Hashable, CustomStringConvertible {
    /// No run is under way.
    case idle
    case running
    /// Held, by the operator or by a printer fault; the line goes on where it stopped once
    /// the reason is gone.
    case paused(reason: String)
    /// Stopped by an alarm the lead must clear (`resume()`), such as labels failing
    /// verification in a row or a printer that cannot be reached.
    case stopped(alarm: String)

    public var description: String {
        switch self {
        case .idle: "idle"
        case .running: "running"
        case .paused(let reason): "paused (\(reason))"
        case .stopped(let alarm): "stopped: \(alarm)"
        }
    }

    /// `idle`, `running`, `paused` or `stopped`, for the API and metrics.
    public var name: String {
        switch self {
        case .idle: "idle"
        case .running: "running"
        case .paused: "paused"
        case .stopped: "stopped"
        }
    }
}
