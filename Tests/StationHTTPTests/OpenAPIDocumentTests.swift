import Foundation
import Hummingbird
import Station
import StationHTTP
import Testing

@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    @Test("Every route the router serves is in /openapi.json with its method, and every documented operation is served")
    func routesMatchDocument() async throws {
        let harness = try APIHarness()
        let served = Set(harness.api.router().routes.map { "\($0.method.rawValue) \($0.path.description)" })
        try await harness.test { client async throws in
            let document = try await client.get("/openapi.json").json
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
            #expect(served == documented)
            #expect(served.count >= 12)
        }
    }

    @Test("Each operation has an id, a summary, its path parameters, success and error answers, and security as its role says")
    func operationsAreComplete() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            let document = try await client.get("/openapi.json").json
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            #expect(schemas["APIErrorBody"] != nil)
            var ids: Set<String> = []
            for (path, methods) in paths {
                for (method, operation) in methods {
                    let name = "\(method) \(path)"
                    let id = try #require(operation["operationId"] as? String, "\(name)")
                    #expect(ids.insert(id).inserted, "\(name): operationId \(id) twice")
                    #expect((operation["summary"] as? String)?.isEmpty == false, "\(name)")
                    let responses = try #require(operation["responses"] as? [String: [String: Any]], "\(name)")
                    #expect(responses.keys.contains { $0.hasPrefix("2") || (path == "/" && $0 == "302") }, "\(name)")
                    let parameters = (operation["parameters"] as? [[String: Any]]) ?? []
                    for placeholder in path.split(separator: "/").filter({ $0.hasPrefix("{") }) {
                        let parameterName = String(placeholder.dropFirst().dropLast())
                        #expect(parameters.contains { $0["name"] as? String == parameterName && $0["in"] as? String == "path" }, "\(name)")
                    }
                    let security = try #require(operation["security"] as? [Any], "\(name)")
                    if let role = operation["x-required-role"] as? String {
                        #expect(StationSettings.Role(rawValue: role) != nil, "\(name)")
                        #expect(!security.isEmpty && responses["401"] != nil && responses["403"] != nil, "\(name)")
                    } else {
                        #expect(security.isEmpty && (["/", "/health", "/metrics", "/openapi.json"].contains(path) || path.hasPrefix("/dashboard")),
                                "\(name)")
                    }
                    // Every error answer's body is the one error body.
                    for (status, response) in responses where Int(status).map({ $0 >= 400 }) == true && path != "/health" {
                        let json = (response["content"] as? [String: [String: Any]])?["application/json"]?["schema"] as? [String: Any]
                        #expect(json?["$ref"] as? String == "#/components/schemas/APIErrorBody", "\(name) \(status)")
                    }
                    // Every schema referenced is defined.
                    let text = String(decoding: try JSONSerialization.data(withJSONObject: operation, options: [.withoutEscapingSlashes]), as: UTF8.self)
                    for reference in text.components(separatedBy: "#/components/schemas/").dropFirst() {
                        let schema = String(reference.prefix { $0 != "\"" })
                        #expect(schemas[schema] != nil, "\(name) refers to \(schema)")
                    }
                }
            }
            let security = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: Any]]
            #expect(security?["bearer"]?["scheme"] as? String == "bearer")
        }
    }
}
