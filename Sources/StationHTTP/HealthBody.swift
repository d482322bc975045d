/// `GET /health`: whether the station can serve, for load balancers and the dashboard. On a
/// shared ledger out of reach the station still prints (from its leases, into its offline
/// journal): status `offline`, still 200.
struct HealthBody: Encodable {
    /// `ok`; `offline` when a shared ledger is out of reach and the station journals; or
    /// `unavailable` when the ledger cannot be read.
    let status: String
    let stationID: String
    let ledgerReachable: Bool
    /// Why the ledger cannot be read, when it cannot.
    let ledgerError: String?
    /// On a shared ledger: label steps kept in the station's offline journal, waiting for the
    /// ledger, and those it refused (for the lead); nil on a station's own ledger.
    var offlineStepsPending: Int?
    var offlineStepsRefused: Int?

    enum CodingKeys: String, CodingKey {
        case status
        case stationID = "station_id"
        case ledgerReachable = "ledger_reachable"
        case ledgerError = "ledger_error"
        case offlineStepsPending = "offline_steps_pending"
        case offlineStepsRefused = "offline_steps_refused"
    }
}
