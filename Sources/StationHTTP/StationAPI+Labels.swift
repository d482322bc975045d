import Foundation
import Hummingbird
import Imaging
import Ledger
import TraceCodes
import Station
import Verification

/// Labels: voids and reprints, and verifying uploaded label images.
extension StationAPI {
    static let imageMediaTypes = ["image/png", "image/jpeg", "image/x-portable-anymap"]

    func void(_ request: Request, _ context: StationRequestContext) async throws -> Response {
        let id = try batchID(context)
        let body = try await JSONRequest.decode(VoidLabelRequest.self, from: request)
        let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw APIError.invalidField("reason", "must say why the label is voided") }
        guard !body.code.isEmpty else { throw APIError.invalidField("code", "must be the label's code as issued (its Digital Link URI)") }
        let line = try line(named: body.line, field: "line", inQuery: false)
        _ = try await ledgerCall { () async throws(LedgerError) in try await ledger.batch(id) }
        var replacement: IssuedCode?
        if body.replace == true {
            // The ledger's reprint takes any batch's code; this route is the batch's, so check first.
            try await checkCode(body.code, belongsTo: id)
            replacement = try await ledgerCall(field: "code") { () async throws(LedgerError) in
                try await ledger.reprint(code: body.code, reason: reason)
            }
        } else {
            try await ledgerCall(field: "code") { () async throws(LedgerError) in
                try await ledger.record([LabelChange(code: body.code, event: .voided(reason: reason), batch: id)])
            }
        }
        metrics.labelVoided(line: line?.id ?? Self.unassignedLine)
        logger.info("label voided", metadata: [
            "batch.id": "\(id)", "label.code": "\(body.code)", "label.replacement": "\(replacement?.value ?? "none")",
            "user.name": "\(context.user?.name ?? "")",
        ])
        return JSONResponse.make(VoidBody(voided: body.code, reason: reason, batch: id, replacement: replacement), status: .created)
    }

    private func checkCode(_ code: String, belongsTo batch: Int64) async throws(APIError) {
        let elements = try? GS1ElementString(digitalLink: code)
        guard let gtin = elements?[ai: "01"], let serial = elements?[ai: "21"],
              let status = try await ledgerCall(field: "code", { () async throws(LedgerError) in
                  try await ledger.codeStatus(gtin: gtin, serial: serial)
              }), status.value == code else {
            throw APIError(LedgerError("code \(code)", .unknownCode))
        }
        guard status.batch == batch else { throw APIError(LedgerError("code \(code)", .codeInOtherBatch(status.batch))) }
    }

    /// The verdict on one uploaded image, recorded in the ledger as `verify --batch` records it.
    func verifyImage(_ request: Request, _ context: StationRequestContext) async throws -> Response {
        let id = try batchID(context)
        guard request.headers[.contentType] != nil else {
            throw APIError(.unsupportedMediaType, "unsupported-media-type",
                           "the request has no Content-Type; send the image as \(Self.imageMediaTypes.joined(separator: ", "))", field: "Content-Type")
        }
        try JSONRequest.checkMediaType(request, accepted: Self.imageMediaTypes, field: "Content-Type")
        let line = try line(named: request.uri.queryParameters["line"].map(String.init), field: "line", inQuery: true)
        try await requireOpen(id)
        let bytes = try await JSONRequest.collect(request.body, limit: maximumImageBytes)
        let image: GrayImage
        do {
            var limits = ImageLimits.default
            limits.maxFileBytes = maximumImageBytes
            image = try ImageFile.decode(bytes, limits: limits, source: "the uploaded image")
        } catch {
            throw APIError(.unprocessableContent, "unreadable-image", error.description, field: "body")
        }
        let verifier = Verifier(grading: line?.minimumGrade == nil ? nil : VerificationGrading.qrReference,
                                minimumGrade: line?.minimumGrade.flatMap(QualityGrade.minimum(letter:)))
        let result = await verifier.verify(image, name: "upload", against: LedgerLabelRegister(ledger: ledger, batch: id))
        if result.status == .error {
            // The image was read above, so the register (the ledger) failed; nothing was recorded.
            try await requireOpen(id)
            throw APIError(.serviceUnavailable, "ledger-unavailable", result.error ?? "the ledger failed; nothing was recorded")
        }
        let lineID = line?.id ?? Self.unassignedLine
        for event in result.recorded ?? [] {
            if event == EventKind.verifiedPass.rawValue { metrics.labelVerified(line: lineID, passed: true) }
            if event == EventKind.verifiedFail.rawValue { metrics.labelVerified(line: lineID, passed: false) }
        }
        return JSONResponse.make(result)
    }

    private func requireOpen(_ id: Int64) async throws(APIError) {
        let batch = try await ledgerCall { () async throws(LedgerError) in try await ledger.batch(id) }
        guard batch.state == .open else {
            throw APIError(LedgerError("batch \(id)", .batchClosed))
        }
    }
}
