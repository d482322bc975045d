import Foundation
import Hummingbird

/// Every JSON answer: sorted keys and unescaped slashes, so answers are stable for scripts and
/// Digital Link URIs read as printed.
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Our bodies hold strings, integers and doubles only, so encoding cannot fail; an
        // empty object is still valid JSON should it ever.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return text(String(decoding: data, as: UTF8.self), contentType: contentType, status: status, headers: headers)
    }

    /// A body already written as text (CSV, HTML, canonical JSON, Prometheus exposition).
    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
