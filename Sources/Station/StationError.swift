/// The one error of the station's workflow: what failed, for which line, and what to do.
public struct StationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the error is about, such as `line line-1` or `line line-1, template product-60x40`.
    public var subject: String
    public var message: String

    public init(_ subject: String, _ message: String) {
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(subject): \(message)" }
}
