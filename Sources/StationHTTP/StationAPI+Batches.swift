import Foundation
import Hummingbird
import Ledger

/// Batches: create, show, reconcile, close.
extension StationAPI {
    func createBatch(_ request: Request) async throws -> Response {
        let body = try await JSONRequest.decode(CreateBatchRequest.self, from: request)
        let spec = try body.spec(products: products)
        let batch = try await ledgerCall { () async throws(LedgerError) in try await ledger.createBatch(spec) }
        logger.info("batch created", metadata: ["batch.id": "\(batch.id)", "batch.gtin": "\(spec.gtin)", "batch.lot": "\(spec.lot)"])
        return JSONResponse.make(BatchBody(batch), status: .created, headers: [.location: "/api/v1/batches/\(batch.id)"])
    }

    func batch(_ context: StationRequestContext) async throws -> Response {
        let id = try batchID(context)
        let batch = try await ledgerCall { () async throws(LedgerError) in try await ledger.batch(id) }
        let counts = try await ledgerCall { () async throws(LedgerError) in try await ledger.reconcile(batch: id) }
        return JSONResponse.make(BatchBody(batch, reconciliation: counts))
    }

    func reconciliation(_ request: Request, _ context: StationRequestContext) async throws -> Response {
        let id = try batchID(context)
        let format = request.uri.queryParameters["format"].map(String.init) ?? "json"
        guard ["json", "csv", "html"].contains(format) else {
            throw APIError.invalidParameter("format", "must be json, csv or html, not \"\(format)\"")
        }
        let counts = try await ledgerCall { () async throws(LedgerError) in try await ledger.reconcile(batch: id) }
        return switch format {
        case "csv": JSONResponse.text(counts.csv, contentType: "text/csv; charset=utf-8")
        case "html": JSONResponse.text(counts.html, contentType: "text/html; charset=utf-8")
        // The ledger's own JSON, byte for byte what `tracestation batch reconcile --json` prints.
        default: JSONResponse.text(counts.json, contentType: JSONResponse.contentType)
        }
    }

    /// Closes with the configured key; an override is recorded with the token's user as the
    /// lead, so the signed checkpoint names who decided it.
    func close(_ request: Request, _ context: StationRequestContext) async throws -> Response {
        let id = try batchID(context)
        let body = try await JSONRequest.decode(CloseBatchRequest.self, from: request, emptyIsObject: true)
        guard let signer else {
            throw APIError(.serviceUnavailable, "no-signing-key",
                           "no checkpoint signing key is configured, so batches cannot be closed; set TRACESTATION_SIGNING_KEY for the station "
                           + "(`tracestation audit keygen` makes a key)")
        }
        var override: CloseOverride?
        if let requested = body.override {
            guard !requested.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIError.invalidField("override.reason", "must say why the unbalanced batch is closed")
            }
            do {
                override = try CloseOverride(reason: requested.reason, lead: context.user?.name ?? "")
            } catch {
                throw APIError(error, field: "override.reason")
            }
        }
        let checkpoint = try await ledgerCall { () async throws(LedgerError) in
            try await ledger.close(batch: id, signer: signer, override: override)
        }
        logger.notice("batch closed", metadata: [
            "batch.id": "\(id)", "user.name": "\(context.user?.name ?? "")", "batch.override": "\(override?.reason ?? "none")",
        ])
        return JSONResponse.make(CheckpointBody(checkpoint))
    }
}
