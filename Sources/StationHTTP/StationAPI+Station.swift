import Hummingbird
import Ledger

/// The station as a whole: health and the ledger audit.
extension StationAPI {
    /// 200 when the ledger answers a read, or when a shared ledger is out of reach but the
    /// station journals offline; 503 otherwise. Never an error body, so a load balancer reads
    /// one shape.
    func health() async -> Response {
        let buffered = ledger as? BufferedLedger
        let journal = try? buffered?.journal.counts()
        var body: HealthBody
        do {
            _ = try await ledger.batches()
            body = HealthBody(status: "ok", stationID: settings.stationID, ledgerReachable: true, ledgerError: nil)
        } catch {
            body = HealthBody(status: journal == nil ? "unavailable" : "offline", stationID: settings.stationID, ledgerReachable: false,
                              ledgerError: error.description)
        }
        body.offlineStepsPending = journal?.pending
        body.offlineStepsRefused = journal?.refused
        return JSONResponse.make(body, status: body.status == "unavailable" ? .serviceUnavailable : .ok)
    }

    /// The station's offline journal, when its ledger is shared.
    func offlineJournal() throws -> Response {
        guard let buffered = ledger as? BufferedLedger else {
            throw APIError(.notFound, "no-offline-journal", "this station's ledger is its own file (no ledger.url), so it keeps no offline journal")
        }
        do {
            let counts = try buffered.journal.counts()
            return JSONResponse.make(OfflineJournalBody(pending: counts.pending, refused: counts.refused,
                                                        steps: try buffered.journal.refusedSteps(limit: 100)))
        } catch {
            throw APIError(error)
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
