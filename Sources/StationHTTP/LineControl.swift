/// What the HTTP API needs from a running production line. The line workflow conforms to it
/// (the conformance lives beside this protocol, in StationHTTP, since Station must not depend
/// on the HTTP layer); `StationAPI` then serves the line routes listed in `docs/http-api.md`
/// under "Line control". Nothing conforms yet, so no line routes are served.
///
/// Each method returns once its step is durable or refused; a refusal throws
/// `LineControlError`, which the API answers with its status and message.
public protocol LineControl: Sendable {
    /// The ids of the lines this controls, as in `LineSettings.id`.
    var lineIDs: [String] { get }
    /// The line's state now: what it runs, its queue and its printer.
    func status(line: String) async throws(LineControlError) -> LineStatus
    /// Starts `batch` on the line; refused while another batch runs there.
    func start(line: String, batch: Int64) async throws(LineControlError) -> LineStatus
    /// Stops taking triggers; labels already sent finish printing.
    func pause(line: String, reason: String) async throws(LineControlError) -> LineStatus
    func resume(line: String) async throws(LineControlError) -> LineStatus
    /// One label per item: issues, renders and queues `count` labels; returns their codes.
    func trigger(line: String, count: Int) async throws(LineControlError) -> [String]
}

/// A line as the API and the dashboard show it.
public struct LineStatus: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        case idle, running, paused
        /// Stopped by the station (a printer fault, failed verifications in a row).
        case stopped
    }

    public struct Printer: Sendable, Hashable, Codable {
        /// `ready`, `printing`, `fault` or `offline`.
        public var state: String
        /// The printer's own fault text (head open, paper out, …), when it reported one.
        public var faults: [String]

        public init(state: String, faults: [String] = []) {
            self.state = state
            self.faults = faults
        }
    }

    public var line: String
    public var state: State
    public var batch: Int64?
    /// Why the line is paused or stopped.
    public var reason: String?
    /// Labels queued and not yet proven printed.
    public var queueDepth: Int
    public var printer: Printer

    public init(line: String, state: State, batch: Int64? = nil, reason: String? = nil, queueDepth: Int, printer: Printer) {
        self.line = line
        self.state = state
        self.batch = batch
        self.reason = reason
        self.queueDepth = queueDepth
        self.printer = printer
    }

    enum CodingKeys: String, CodingKey {
        case line, state, batch, reason, printer
        case queueDepth = "queue_depth"
    }
}

/// Why a line refused a request.
public struct LineControlError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// No such line (404).
        case unknownLine = "line-not-found"
        /// Not in this state: starting a running line, resuming a running one (409).
        case conflict = "line-conflict"
        /// The request itself is wrong: a count of 0, a closed batch (422).
        case invalid = "invalid-field"
        /// The printer or the ledger cannot take it now (503).
        case unavailable = "line-unavailable"
    }

    public let kind: Kind
    public let message: String
    /// The input at fault (`batch`, `count`), when there is one.
    public let field: String?

    public init(_ kind: Kind, _ message: String, field: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
    }

    public var description: String { message }
}
