/// The kind of a ledger event, as stored in the `kind` column and hashed.
public enum EventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case batchCreated = "batch-created"
    case issued
    case sent
    case printed
    case unconfirmed
    case verifiedPass = "verified-pass"
    case verifiedFail = "verified-fail"
    case voided
    case batchClosed = "batch-closed"
    /// The platform acknowledged a report chunk; details: destination, chunk key, codes, receipt.
    case reportAcknowledged = "report-acknowledged"
    /// A station's offline journal was replayed onto the chain; details: the journal's entry
    /// range and head hash, and how many entries were applied, already recorded or refused.
    case journalSynced = "journal-synced"
}
