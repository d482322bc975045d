import Foundation
import Ledger
import Station

/// What the dashboard shows, read once per request, so that every part of a page (or of its
/// status JSON) tells of the same moment.
struct DashboardSnapshot: Sendable {
    /// One configured line: its status (idle with the printer offline when the line is not
    /// running) and the reconciliation of the batch it prints or last printed.
    struct Line: Sendable {
        let status: LineStatus
        let reconciliation: Reconciliation?
    }

    let stationID: String
    let lines: [Line]
    /// Oldest first.
    let openBatches: [Batch]
    let time: Date
}
