/// The body of every error answer: what failed, on which input, and what to do, as a person
/// at the line reads it, with a stable code for scripts.
public struct APIErrorBody: Codable, Sendable, Equatable {
    /// A stable, machine-readable name, such as `batch-closed` or `forbidden`.
    public var error: String
    /// One or two plain sentences.
    public var message: String
    /// The input the error is about (a field, a path parameter), when there is one.
    public var field: String?

    public init(error: String, message: String, field: String? = nil) {
        self.error = error
        self.message = message
        self.field = field
    }
}
