import Hummingbird
import Station

/// One route as the OpenAPI document describes it: method, path, the role it needs,
/// parameters, body and answers. `StationAPI` registers every route through one of these, so
/// the role a route checks and the role its document states are the same value.
struct APIOperation: Sendable {
    struct Parameter: Sendable {
        enum Location: String, Sendable {
            case path, query
        }

        let name: String
        let location: Location
        let description: String
        let schema: JSONValue
        var required: Bool { location == .path }
    }

    struct Body: Sendable {
        let description: String
        /// Media type → schema.
        let content: [String: JSONValue]
        let required: Bool
    }

    struct Answer: Sendable {
        let status: Int
        let description: String
        /// Media type → schema; empty for an answer without a body.
        let content: [String: JSONValue]
    }

    let id: String
    let method: HTTPRequest.Method
    /// The route's template, `{name}` for a path parameter (Hummingbird's and OpenAPI's syntax alike).
    let path: String
    let summary: String
    /// Nil for the open routes, which need no token.
    let role: StationSettings.Role?
    var parameters: [Parameter] = []
    var body: Body?
    /// The success answers, then the errors particular to the route; 401 and 403 are added
    /// for every route that needs a role.
    let answers: [Answer]
}

/// Schemas by reference, and the few inline ones the operations use.
enum Schema {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let string: JSONValue = ["type": "string"]
    static let batchID: JSONValue = ["type": "integer", "format": "int64", "minimum": 1]
    static let error: [String: JSONValue] = ["application/json": ref("APIErrorBody")]

    static func json(_ name: String) -> [String: JSONValue] { ["application/json": ref(name)] }

    static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { .string($0) })]
    }
}

extension APIOperation.Answer {
    /// An error answer: its body is always `APIErrorBody`.
    static func error(_ status: Int, _ description: String) -> Self {
        Self(status: status, description: description, content: Schema.error)
    }
}
