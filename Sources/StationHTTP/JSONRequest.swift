import Foundation
import Hummingbird
import Reporting

/// A request body the API reads as JSON: its field names, so that a misspelt field is refused
/// rather than silently ignored.
protocol JSONRequestBody: Decodable {
    static var fieldNames: Set<String> { get }
}

/// Reads request bodies: the media type first (415), then the size limit (413), then the JSON
/// itself (400 when it is not JSON, 422 naming the field when it breaks a rule).
enum JSONRequest {
    /// Bodies of the JSON routes are small; anything larger is a mistake or an attack.
    static let maximumBytes = 64 << 10

    /// The body decoded as `T`; an empty body reads as `{}` when `emptyIsObject`.
    static func decode<T: JSONRequestBody>(_ type: T.Type, from request: Request, emptyIsObject: Bool = false) async throws -> T {
        try checkMediaType(request, accepted: ["application/json"], field: "Content-Type")
        var bytes = try await collect(request.body, limit: maximumBytes)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            guard emptyIsObject else { throw APIError(.badRequest, "malformed-json", "the body is empty; send a JSON object", field: "body") }
            bytes = Array("{}".utf8)
        }
        return try decode(type, from: bytes)
    }

    static func decode<T: JSONRequestBody>(_ type: T.Type, from bytes: [UInt8]) throws(APIError) -> T {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw APIError(.badRequest, "malformed-json", "the body is not valid JSON; send a JSON object", field: "body")
        }
        guard let members = object as? [String: Any] else {
            throw APIError(.unprocessableContent, "invalid-field", "the body must be a JSON object", field: "body")
        }
        if let unknown = members.keys.filter({ !T.fieldNames.contains($0) }).sorted().first {
            throw APIError(.unprocessableContent, "unknown-field",
                           "\(unknown) is not a field of this request; the fields are \(T.fieldNames.sorted().joined(separator: ", "))",
                           field: unknown)
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as APIError {
            throw error
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, let integer = integerProblem(in: members) {
                throw integer
            }
            throw problem(error)
        } catch {
            throw APIError(.unprocessableContent, "invalid-field", "the body cannot be read: \(error)", field: "body")
        }
    }

    /// 415 unless the request's media type (without parameters) is one of `accepted`; a
    /// missing Content-Type is accepted as the first of them.
    static func checkMediaType(_ request: Request, accepted: [String], field: String) throws(APIError) {
        guard let header = request.headers[.contentType] else { return }
        let mediaType = header.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard accepted.contains(mediaType) else {
            throw APIError(.unsupportedMediaType, "unsupported-media-type",
                           "Content-Type \(header) is not accepted here; send \(accepted.joined(separator: " or "))", field: field)
        }
    }

    /// The body, refused with 413 as soon as it passes `limit`, before the rest is read.
    static func collect(_ body: RequestBody, limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await buffer in body {
            guard bytes.count + buffer.readableBytes <= limit else {
                throw APIError(.contentTooLarge, "too-large", "the body is over the limit of \(limit) bytes", field: "body")
            }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    /// Foundation reports a fractional or oversized number for an integer field as corrupt data
    /// with no field; every number in our request bodies is an integer, so such a member is it.
    private static func integerProblem(in members: [String: Any]) -> APIError? {
        for key in members.keys.sorted() {
            let value = members[key]
            if value is String || value is Bool || value as? Int != nil { continue }
            if let number = value as? Double {
                return .invalidField(key, "must be an integer from \(Int.min) to \(Int.max), not \(number)")
            }
        }
        return nil
    }

    /// Names the field a decoding error is about (`override.reason`) and the rule it broke.
    private static func problem(_ error: DecodingError) -> APIError {
        switch error {
        case .keyNotFound(let key, let context):
            let field = fieldPath(context.codingPath + [key])
            return APIError(.unprocessableContent, "missing-field", "\(field) is required", field: field)
        case .typeMismatch(let type, let context):
            let field = fieldPath(context.codingPath)
            return APIError(.unprocessableContent, "invalid-field", "\(field) must be \(describe(type))", field: field)
        case .valueNotFound(let type, let context):
            let field = fieldPath(context.codingPath)
            return APIError(.unprocessableContent, "invalid-field", "\(field) is null; it must be \(describe(type))", field: field)
        case .dataCorrupted(let context):
            let field = fieldPath(context.codingPath)
            return APIError(.unprocessableContent, "invalid-field", "\(field) cannot be read: \(context.debugDescription)", field: field)
        @unknown default:
            return APIError(.unprocessableContent, "invalid-field", "the body cannot be read: \(error)", field: "body")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        case is Double.Type: "a number"
        default: "a JSON \(type)".replacingOccurrences(of: "Dictionary<String, Any>", with: "object")
        }
    }
}
