/// What a batch has that a destination has not been sent yet: codes commissioned (printed,
/// not voided) and codes voided, each once per destination.
public struct ReportableRecords: Sendable, Hashable {
    public let batch: Batch
    /// The endpoint URL the records are for; nil for all the batch's records.
    public let destination: String?
    /// In issuance order.
    public let codes: [CommissionedCode]
    /// In issuance order.
    public let voids: [VoidedCode]

    public var isEmpty: Bool { codes.isEmpty && voids.isEmpty }
}

/// A code whose label reached a product: printed, unconfirmed, or verified either way.
public struct CommissionedCode: Sendable, Hashable {
    public let scheme: String
    /// The code's value, its Digital Link URI.
    public let value: String
    /// The bracketed element string the carrier holds.
    public let elementString: String
    /// When the label printed: the `printed` event's time, or the `unconfirmed` event's for a
    /// label never proven printed. Milliseconds since 1970 UTC.
    public let printedAt: Int64
    /// The station (line) that recorded the print.
    public let station: String
    /// One of printed, unconfirmed, verified-pass, verified-fail.
    public let state: LabelState
}

public struct VoidedCode: Sendable, Hashable {
    public let scheme: String
    public let value: String
    /// Milliseconds since 1970 UTC.
    public let voidedAt: Int64
    public let reason: String
    /// The code issued in its place, when it was reprinted.
    public let replacedBy: String?
}

/// One request body to queue, with the records it carries (by value), so the ledger knows
/// what it has reported where.
public struct OutboxChunk: Sendable, Hashable {
    /// The exact bytes to send, every attempt.
    public let body: [UInt8]
    /// Unique across the outbox; the receiver drops a chunk it has seen with this key.
    public let idempotencyKey: String
    public let codes: [String]
    public let voids: [String]

    public init(body: [UInt8], idempotencyKey: String, codes: [String], voids: [String]) {
        self.body = body
        self.idempotencyKey = idempotencyKey
        self.codes = codes
        self.voids = voids
    }
}

/// What `enqueueReport` hands the builder: the report's number and time, fixed before the
/// bodies are made, and the records read in the same transaction.
public struct ReportDraft: Sendable, Hashable {
    /// The ledger's number for the report, 1, 2, 3, … across all batches.
    public let number: Int64
    /// Milliseconds since 1970 UTC.
    public let createdAt: Int64
    /// The station that queues the report.
    public let station: String
    public let records: ReportableRecords
}

/// A report in the outbox.
public struct QueuedReport: Sendable, Hashable {
    public let number: Int64
    public let batch: Int64
    public let destination: String
    public let station: String
    public let createdAt: Int64
    public let codes: Int
    public let voids: Int
    public let chunks: Int
}

/// Where a chunk stands: `pending` until a 2xx answer makes it `delivered`, or a refusal
/// (4xx) makes it `dead` until a lead requeues it.
public enum ChunkState: String, Sendable, Hashable, CaseIterable {
    case pending, delivered, dead
}

/// A chunk to send now.
public struct DueChunk: Sendable, Hashable {
    /// The outbox's row number for the chunk.
    public let id: Int64
    public let report: Int64
    public let batch: Int64
    public let destination: String
    /// 1-based, of `chunkCount`.
    public let index: Int
    public let chunkCount: Int
    public let idempotencyKey: String
    public let body: [UInt8]
    public let codes: Int
    public let voids: Int
    /// Attempts made so far.
    public let attempts: Int
    /// Milliseconds since 1970 UTC.
    public let nextAttemptAt: Int64
}

/// The outbox as a lead sees it: each report's chunks by state, and the dead letters with
/// the receiver's reasons.
public struct OutboxStatus: Sendable, Hashable {
    public struct Report: Sendable, Hashable {
        public let report: QueuedReport
        public let chunks: [ChunkState: Int]
        /// Commissioned codes in delivered chunks.
        public let acknowledgedCodes: Int
        /// Receipts of the delivered chunks, in chunk order.
        public let receipts: [String]
        /// When the next pending chunk may be sent, if any is pending.
        public let nextAttemptAt: Int64?
    }

    public struct DeadLetter: Sendable, Hashable {
        public let chunk: Int64
        public let report: Int64
        public let batch: Int64
        public let destination: String
        public let index: Int
        public let idempotencyKey: String
        public let attempts: Int
        /// Why the receiver refused it, as it said.
        public let reason: String
        /// The chunk's first code (or first void), to find it on the line.
        public let firstCode: String?
    }

    public let reports: [Report]
    public let deadLetters: [DeadLetter]

    public func chunks(_ state: ChunkState) -> Int { reports.reduce(0) { $0 + $1.chunks[state, default: 0] } }
}
