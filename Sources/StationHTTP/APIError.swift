import Hummingbird

/// A refused request: its status and the body every error answer shares. Handlers throw it;
/// `APIErrorMiddleware` turns it (and any other error) into the answer.
struct APIError: Error, HTTPResponseError, CustomStringConvertible {
    let status: HTTPResponse.Status
    let body: APIErrorBody
    /// Extra headers, such as `WWW-Authenticate` on a 401 or `Retry-After` on a 503.
    let headers: HTTPFields

    init(_ status: HTTPResponse.Status, _ error: String, _ message: String, field: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        body = APIErrorBody(error: error, message: message, field: field)
        self.headers = headers
    }

    var description: String { "\(status.code) \(body.error): \(body.message)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(body, status: status, headers: headers)
    }
}

extension APIError {
    /// A query or path parameter that cannot be used.
    static func invalidParameter(_ name: String, _ rule: String) -> APIError {
        APIError(.badRequest, "invalid-parameter", "\(name) \(rule)", field: name)
    }

    /// A body field that is well-formed JSON but breaks a rule.
    static func invalidField(_ name: String, _ rule: String) -> APIError {
        APIError(.unprocessableContent, "invalid-field", "\(name) \(rule)", field: name)
    }
}
