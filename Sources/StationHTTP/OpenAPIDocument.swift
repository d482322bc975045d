import Foundation

/// The OpenAPI 3.1 document of the station's API, built from `APIOperation.all` so that it
/// cannot describe a route the router does not serve, nor a role the route does not check.
enum OpenAPIDocument {
    static func build(operations: [APIOperation] = APIOperation.all, stationID: String) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for operation in operations {
            var item: [String: JSONValue] = if case .object(let existing) = paths[operation.path] { existing } else { [:] }
            item[operation.method.rawValue.lowercased()] = describe(operation)
            paths[operation.path] = .object(item)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "TraceStation station API",
                "version": "1",
                "description": .string("""
                    The API of station \(stationID): batches, label voids, image verification, reconciliation and audit. \
                    Every error answer is an APIErrorBody. Routes under /api/v1 need a bearer token; the roles are ordered \
                    operator < quality < lead < admin, and each route states the least role it needs (x-required-role).
                    """),
            ],
            "paths": .object(paths),
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "description": "A token from the station's configuration."]],
                "schemas": .object(OpenAPISchemas.all),
            ],
        ]
    }

    /// The document as served: sorted keys, so it is byte-for-byte stable.
    static func json(operations: [APIOperation] = APIOperation.all, stationID: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let data = (try? encoder.encode(build(operations: operations, stationID: stationID))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func describe(_ operation: APIOperation) -> JSONValue {
        var answers = operation.answers
        if let role = operation.role {
            answers.append(.error(401, "No bearer token, or one the station does not know (`unauthenticated`)."))
            answers.append(.error(403, "The token's role is below \(role.rawValue) (`forbidden`)."))
        }
        var responses: [String: JSONValue] = [:]
        for answer in answers {
            var response: [String: JSONValue] = ["description": .string(answer.description)]
            if !answer.content.isEmpty {
                response["content"] = .object(answer.content.mapValues { ["schema": $0] })
            }
            responses[String(answer.status)] = .object(response)
        }
        var object: [String: JSONValue] = [
            "operationId": .string(operation.id),
            "summary": .string(operation.summary),
            "responses": .object(responses),
            "security": operation.role == nil ? [] : [["bearer": []]],
        ]
        if let role = operation.role {
            object["x-required-role"] = .string(role.rawValue)
        }
        if !operation.parameters.isEmpty {
            object["parameters"] = .array(operation.parameters.map {
                ["name": .string($0.name), "in": .string($0.location.rawValue), "description": .string($0.description),
                 "required": .bool($0.required), "schema": $0.schema]
            })
        }
        if let body = operation.body {
            object["requestBody"] = [
                "description": .string(body.description), "required": .bool(body.required),
                "content": .object(body.content.mapValues { ["schema": $0] }),
            ]
        }
        return .object(object)
    }
}
