import Ledger

/// `GET /api/v1/audit`: what `tracestation audit verify` prints, as JSON.
struct AuditBody: Encodable {
    let intact: Bool
    let eventsChecked: Int64
    let lastHash: String
    let checkpointsVerified: Int
    let firstBrokenEvent: Int64?
    let findings: [String]
    let summary: String

    init(_ report: AuditReport) {
        intact = report.isIntact
        eventsChecked = report.eventsChecked
        lastHash = report.lastHash.hexString
        checkpointsVerified = report.checkpointsVerified
        firstBrokenEvent = report.firstBrokenEvent
        findings = report.findings
        summary = report.summary
    }

    enum CodingKeys: String, CodingKey {
        case intact, findings, summary
        case eventsChecked = "events_checked"
        case lastHash = "last_hash"
        case checkpointsVerified = "checkpoints_verified"
        case firstBrokenEvent = "first_broken_event"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(intact, forKey: .intact)
        try container.encode(eventsChecked, forKey: .eventsChecked)
        try container.encode(lastHash, forKey: .lastHash)
        try container.encode(checkpointsVerified, forKey: .checkpointsVerified)
        try container.encode(firstBrokenEvent, forKey: .firstBrokenEvent)
        try container.encode(findings, forKey: .findings)
        try container.encode(summary, forKey: .summary)
    }
}
