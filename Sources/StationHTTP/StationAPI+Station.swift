import Hummingbird
import Ledger

/// The station as a whole: health and the ledger audit.
extension StationAPI {
    /// 200 when the ledger answers a read, 503 otherwise; never an error body, so a load
    /// balancer reads one shape.
    func health() async -> Response {
        do {
            _ = try await ledger.batches()
            return JSONResponse.make(HealthBody(status: "ok", stationID: settings.stationID, ledgerReachable: true, ledgerError: nil))
        } catch {
            return JSONResponse.make(HealthBody(status: "unavailable", stationID: settings.stationID, ledgerReachable: false,
                                                ledgerError: error.description), status: .serviceUnavailable)
        }
    }

    func audit(_ request: Request) async throws -> Response {
        var trusted: [UInt8]?
        if let key = request.uri.queryParameters["trusted_key"].map(String.init) {
            // Hex only: a key file path from a client must never make the station read its files.
            guard key.count == 64, key.allSatisfy(\.isHexDigit), let bytes = try? KeyMaterial.publicKey(key) else {
                throw APIError.invalidParameter("trusted_key", "must be an Ed25519 public key as 64 hex digits")
            }
            trusted = bytes
        }
        let report = try await ledgerCall { () async throws(LedgerError) in try await ledger.verifyAudit(trustedKey: trusted) }
        return JSONResponse.make(AuditBody(report))
    }
}
