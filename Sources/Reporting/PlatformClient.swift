import AsyncHTTPClient
import Foundation
import NIOCore

/// Posts report chunks to the platform over HTTP or HTTPS (AsyncHTTPClient, its default TLS),
/// signed as `RequestSigning` describes, and says what the answer means for the outbox.
///
/// One client holds one `HTTPClient` and its connection pool for every request; call
/// `shutdown()` when done.
public final class PlatformClient: Sendable {
    /// What one attempt at a chunk came to.
    public enum Outcome: Sendable, Hashable {
        /// A 2xx: the platform holds the chunk (`duplicate` when it had it already).
        case acknowledged(receipt: String, duplicate: Bool)
        /// A 5xx, 408, 425 or 429, a timeout or a connection error: try again later.
        case retryLater(reason: String)
        /// Any other answer: the platform will not take this chunk as it is.
        case rejected(status: Int, reason: String)
    }

    /// Answers longer than this are cut off: a receipt is small, an error message short.
    static let maximumAnswerBytes = 64 * 1024

    public let credentials: PlatformCredentials
    public let requestTimeout: Duration
    private let http: HTTPClient

    public init(credentials: PlatformCredentials, requestTimeout: Duration) {
        self.credentials = credentials
        self.requestTimeout = requestTimeout
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        // A connection that cannot be set up within the request's own timeout counts as failed.
        configuration.timeout.connect = .milliseconds(max(1, requestTimeout.wholeMilliseconds))
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// POSTs `body` to `url` once; never throws: every failure is an outcome.
    public func send(body: [UInt8], idempotencyKey: String, to url: String) async -> Outcome {
        let path = Self.signedPath(of: url)
        let timestamp = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(credentials.token)")
        request.headers.add(name: RequestSigning.idempotencyHeader, value: idempotencyKey)
        request.headers.add(name: RequestSigning.timestampHeader, value: String(timestamp))
        request.headers.add(name: RequestSigning.signatureHeader, value: RequestSigning.signature(
            secret: credentials.secret, method: "POST", path: path, timestampMilliseconds: timestamp,
            idempotencyKey: idempotencyKey, body: body))
        request.body = .bytes(body)
        do {
            let response = try await http.execute(request, timeout: .milliseconds(requestTimeout.wholeMilliseconds))
            let answer = try await response.body.collect(upTo: Self.maximumAnswerBytes)
            return Self.outcome(status: Int(response.status.code), answer: Array(answer.readableBytesView))
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            return .retryLater(reason: "no answer within \(requestTimeout.wholeMilliseconds) ms")
        } catch {
            return .retryLater(reason: "\(error)")
        }
    }

    /// What a status and its answer mean: 2xx acknowledges with the receipt; a 5xx, 408, 425
    /// or 429 asks for another try; anything else refuses the chunk, with the platform's reason.
    static func outcome(status: Int, answer: [UInt8]) -> Outcome {
        let object = (try? JSONSerialization.jsonObject(with: Data(answer))) as? [String: Any]
        if (200..<300).contains(status) {
            return .acknowledged(receipt: object?["receipt"] as? String ?? "", duplicate: object?["duplicate"] as? Bool ?? false)
        }
        let message = object?["error"] as? String ?? String(decoding: answer.prefix(500), as: UTF8.self)
        let reason = "HTTP \(status)" + (message.isEmpty ? "" : ": " + message.trimmingCharacters(in: .whitespacesAndNewlines))
        if status >= 500 || [408, 425, 429].contains(status) { return .retryLater(reason: reason) }
        return .rejected(status: status, reason: reason)
    }

    /// The path the signature covers: the URL's path as sent, `/` when it has none.
    static func signedPath(of url: String) -> String {
        let path = URLComponents(string: url)?.percentEncodedPath ?? ""
        return path.isEmpty ? "/" : path
    }
}
