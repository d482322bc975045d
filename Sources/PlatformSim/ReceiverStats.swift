/// What `GET /stats` answers: how much the receiver has taken, as JSON.
public struct ReceiverStats: Codable, Sendable, Hashable {
    /// Distinct codes accepted.
    public var codes: Int
    /// Chunks accepted, first deliveries only.
    public var chunks: Int
    /// Chunks received again with an idempotency key already accepted (answered, not stored twice).
    public var duplicates: Int
    /// Requests refused: bad signature, token or payload.
    public var rejected: Int
    /// Failures injected on purpose (5xx answers and dropped connections).
    public var injectedFaults: Int
    /// Codes accepted again in a chunk with another idempotency key: counted once in `codes`,
    /// and here each time again. Zero when the station never re-chunks what it has delivered.
    public var repeatedCodes: Int
    /// Distinct voided codes accepted.
    public var voids: Int

    public init(codes: Int = 0, chunks: Int = 0, duplicates: Int = 0, rejected: Int = 0, injectedFaults: Int = 0,
                repeatedCodes: Int = 0, voids: Int = 0) {
        self.codes = codes
        self.chunks = chunks
        self.duplicates = duplicates
        self.rejected = rejected
        self.injectedFaults = injectedFaults
        self.repeatedCodes = repeatedCodes
        self.voids = voids
    }

    enum CodingKeys: String, CodingKey {
        case codes, chunks, duplicates, rejected, voids
        case injectedFaults = "injected_faults"
        case repeatedCodes = "repeated_codes"
    }
}
