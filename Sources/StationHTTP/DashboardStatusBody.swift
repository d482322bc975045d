import Foundation

/// `GET /dashboard/status.json`, which the page polls: each line as `LineBody` (the same JSON
/// as `/api/v1/lines`) plus its batch's reconciliation and its grade chart, the open batches,
/// and the moment it tells of.
struct DashboardStatusBody: Encodable {
    struct LineEntry: Encodable {
        let line: LineBody
        let reconciliation: ReconciliationBody?
        /// The chart's SVG markup, drawn by `GradeChart`; the page swaps it in whole.
        let chart: String

        enum CodingKeys: String, CodingKey {
            case reconciliation, chart
        }

        /// The line's own keys, then ours beside them in the same object.
        func encode(to encoder: any Encoder) throws {
            try line.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reconciliation, forKey: .reconciliation)
            try container.encode(chart, forKey: .chart)
        }
    }

    let lines: [LineEntry]
    let openBatches: [BatchBody]
    let updated: String

    init(_ snapshot: DashboardSnapshot) {
        lines = snapshot.lines.map {
            LineEntry(line: LineBody($0.status), reconciliation: $0.reconciliation.map(ReconciliationBody.init),
                      chart: GradeChart.svg($0.status.recentVerdicts))
        }
        openBatches = snapshot.openBatches.map { BatchBody($0) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        updated = formatter.string(from: snapshot.time)
    }

    enum CodingKeys: String, CodingKey {
        case lines, updated
        case openBatches = "open_batches"
    }
}
