/// What `audit verify` found: the chain checked event by event, then the derived tables
/// compared with what the events say.
public struct AuditReport: Sendable, Hashable {
    /// Events read and checked, up to the first broken one.
    public let eventsChecked: Int64
    /// The hash of the last intact event (the chain head when intact).
    public let lastHash: [UInt8]
    /// Batch checkpoints whose signatures were checked.
    public let checkpointsVerified: Int
    /// The first event that breaks the chain or the lifecycle rules, if any.
    public let firstBrokenEvent: Int64?
    /// Every problem found, the first broken link first; empty when intact.
    public let findings: [String]

    public var isIntact: Bool { findings.isEmpty }

    public var summary: String {
        if isIntact {
            return "Ledger intact: \(eventsChecked) events, chain head \(lastHash.hex), \(checkpointsVerified) signed checkpoints verified, derived tables agree."
        }
        return (["Ledger NOT intact:"] + findings.map { "  " + $0 }).joined(separator: "\n")
    }
}
