/// `GET /health`: whether the station can serve, for load balancers and the dashboard.
struct HealthBody: Encodable {
    /// `ok`, or `unavailable` when the ledger cannot be read.
    let status: String
    let stationID: String
    let ledgerReachable: Bool
    /// Why the ledger cannot be read, when it cannot.
    let ledgerError: String?

    enum CodingKeys: String, CodingKey {
        case status
        case stationID = "station_id"
        case ledgerReachable = "ledger_reachable"
        case ledgerError = "ledger_error"
    }
}
