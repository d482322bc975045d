import Foundation

/// One appended ledger event, exactly as stored in the `events` table.
///
/// Events are the source of truth: rows are never updated or deleted, and every table that
/// holds current state (codes, batches, verifications, checkpoints) is derived from them.
public struct LedgerEvent: Sendable, Hashable {
    /// 1, 2, 3, … with no gaps.
    public let seq: Int64
    /// Milliseconds since 1970-01-01 UTC.
    public let time: Int64
    public let station: String
    public let batch: Int64?
    /// The code's value (its GS1 Digital Link URI) for label events.
    public let code: String?
    /// The stored kind text; an unknown kind breaks the audit.
    public let kind: String
    /// Sorted-key JSON, hashed as stored (see `CanonicalJSON`).
    public let details: String
    public let previousHash: [UInt8]
    public let hash: [UInt8]

    /// The hash this event's fields and `previousHash` call for; equal to `hash` when intact.
    public var expectedHash: [UInt8] {
        EventHash.hash(previous: previousHash, seq: seq, time: time, station: station, batch: batch, code: code, kind: kind, details: details)
    }
}
