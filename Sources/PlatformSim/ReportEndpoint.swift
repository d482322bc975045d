import Foundation
import Hummingbird
import Reporting

/// `POST /reports`: faults first, then the token, the signature, the idempotency key, a
/// duplicate check, the payload's rules, and the durable store, in that order.
struct ReportEndpoint: Sendable {
    let configuration: PlatformReceiver.Configuration
    let store: ReceiverStore
    let faults: FaultInjector

    /// The answer to an accepted or already accepted chunk.
    struct Acceptance: Encodable {
        var receipt: String
        var duplicate: Bool
        var codes: Int
    }

    /// The answer to a refused request.
    struct Refusal: Encodable {
        var error: String
        /// The payload field at fault, for 422.
        var field: String?
    }

    func respond(to request: Request, context: ReceiverContext) async throws -> Response {
        let draw = await faults.draw()
        if draw.latencyMilliseconds > 0 {
            try await Task.sleep(for: .milliseconds(draw.latencyMilliseconds))
        }
        if let kind = draw.kind, !draw.afterStoring {
            return await inject(kind, context: context)
        }
        let response = await handle(request)
        if let kind = draw.kind {
            return await inject(kind, context: context)
        }
        return response
    }

    private func handle(_ request: Request) async -> Response {
        do {
            return try await accept(request)
        } catch let refusal as RequestRefusal {
            await store.noteRejected()
            return Self.json(refusal.status, Refusal(error: refusal.message, field: refusal.field))
        } catch {
            // The store could not write: not the chunk's fault, so the station retries.
            return Self.json(.internalServerError, Refusal(error: "\(error)"))
        }
    }

    private func accept(_ request: Request) async throws -> Response {
        let body = try await Self.collect(request.body, limit: configuration.maximumBodyBytes)
        try checkToken(request.headers[.authorization])
        let key = request.headers[.init(RequestSigning.idempotencyHeader)!] ?? ""
        try checkSignature(request, key: key, body: body)
        guard key == RequestSigning.idempotencyKey(body: body) else {
            throw RequestRefusal(.badRequest, "\(RequestSigning.idempotencyHeader) \"\(key)\" is not the SHA-256 of the body")
        }
        if let earlier = await store.acknowledgement(forKey: key) {
            await store.noteDuplicate()
            return Self.json(.ok, Acceptance(receipt: earlier.receipt, duplicate: true, codes: earlier.codes))
        }
        let chunk: ReportChunk
        do {
            chunk = try ChunkValidator.decode(body, mapping: configuration.mapping)
        } catch {
            throw RequestRefusal(.unprocessableContent, error.description, field: error.field)
        }
        let stored = try await store.store(key: key, codes: chunk.codes.map(\.code), voids: chunk.voids.map(\.code), body: body,
                                           receivedAt: Date().formatted(.iso8601))
        return Self.json(.ok, Acceptance(receipt: stored.acknowledgement.receipt, duplicate: stored.duplicate,
                                         codes: stored.acknowledgement.codes))
    }

    private func checkToken(_ authorization: String?) throws(RequestRefusal) {
        let expected = Array("Bearer \(configuration.token)".utf8)
        let given = Array((authorization ?? "").utf8)
        guard given.count == expected.count, zip(given, expected).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw RequestRefusal(.unauthorized, authorization == nil ? "Authorization: missing bearer token" : "Authorization: wrong bearer token")
        }
    }

    private func checkSignature(_ request: Request, key: String, body: [UInt8]) throws(RequestRefusal) {
        let timestampText = request.headers[.init(RequestSigning.timestampHeader)!]
        guard let timestampText, let timestamp = Int64(timestampText) else {
            throw RequestRefusal(.unauthorized, "\(RequestSigning.timestampHeader): missing or not Unix milliseconds")
        }
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let skew = timestamp > now ? timestamp - now : now - timestamp
        guard skew <= RequestSigning.maximumClockSkewMilliseconds else {
            throw RequestRefusal(.unauthorized, "\(RequestSigning.timestampHeader) \(timestamp): \(skew) ms from the receiver's clock, "
                                 + "over the limit of \(RequestSigning.maximumClockSkewMilliseconds) ms; check the station's clock")
        }
        guard let signature = request.headers[.init(RequestSigning.signatureHeader)!] else {
            throw RequestRefusal(.unauthorized, "\(RequestSigning.signatureHeader): missing")
        }
        guard RequestSigning.isValid(signature: signature, secret: configuration.secret, method: request.method.rawValue,
                                     path: request.uri.path, timestampMilliseconds: timestamp, idempotencyKey: key, body: body)
        else {
            throw RequestRefusal(.unauthorized, "\(RequestSigning.signatureHeader): does not match the request; "
                                 + "the body or a signed header was changed, or the secret differs")
        }
    }

    private func inject(_ kind: FaultDraw.Kind, context: ReceiverContext) async -> Response {
        await store.noteInjectedFault()
        switch kind {
        case .serviceUnavailable:
            return Self.json(.serviceUnavailable, Refusal(error: "injected fault: service unavailable"))
        case .droppedConnection:
            context.dropConnection()
            // Never reaches the client: its connection is already closing.
            return Response(status: .serviceUnavailable)
        }
    }

    /// The body, or 413 as soon as it passes `limit`, before the rest is read.
    private static func collect(_ body: RequestBody, limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await buffer in body {
            guard bytes.count + buffer.readableBytes <= limit else {
                throw RequestRefusal(.contentTooLarge, "body: over the limit of \(limit) bytes")
            }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    static func json(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A request refused with a 4xx status and a reason.
struct RequestRefusal: Error {
    let status: HTTPResponse.Status
    let message: String
    let field: String?

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }
}
