import Crypto
import Foundation

/// How a report request proves who sent it and that its body is intact: a bearer token, an
/// idempotency key that is the SHA-256 of the body, and an HMAC-SHA256 over the method, path,
/// timestamp, key and body hash with a secret shared with the platform.
///
/// The platform's real scheme is not public; this one is the station's and the reference
/// receiver's, and the header names are configurable in one place here.
public enum RequestSigning {
    public static let timestampHeader = "X-TraceStation-Timestamp"
    public static let signatureHeader = "X-TraceStation-Signature"
    public static let idempotencyHeader = "Idempotency-Key"
    /// A signature older or newer than this is refused, so a captured request cannot be replayed later.
    public static let maximumClockSkewMilliseconds: Int64 = 300_000

    /// Lowercase hex SHA-256 of the body: the same chunk always has the same key.
    public static func idempotencyKey(body: some DataProtocol) -> String {
        hex(SHA256.hash(data: body))
    }

    /// `v1=` and the lowercase hex HMAC-SHA256 of the canonical request text.
    public static func signature(secret: [UInt8], method: String, path: String, timestampMilliseconds: Int64,
                                 idempotencyKey: String, body: some DataProtocol) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array(canonicalText(method: method, path: path, timestampMilliseconds: timestampMilliseconds,
                                     idempotencyKey: idempotencyKey, body: body).utf8),
            using: SymmetricKey(data: secret))
        return "v1=" + hex(mac)
    }

    /// Whether `signature` is right for the request, compared in constant time.
    public static func isValid(signature: String, secret: [UInt8], method: String, path: String, timestampMilliseconds: Int64,
                               idempotencyKey: String, body: some DataProtocol) -> Bool {
        let expected = Array(self.signature(secret: secret, method: method, path: path, timestampMilliseconds: timestampMilliseconds,
                                            idempotencyKey: idempotencyKey, body: body).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func canonicalText(method: String, path: String, timestampMilliseconds: Int64, idempotencyKey: String,
                              body: some DataProtocol) -> String {
        [method.uppercased(), path, String(timestampMilliseconds), idempotencyKey, hex(SHA256.hash(data: body))]
            .joined(separator: "\n")
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
