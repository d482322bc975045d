import Foundation
import Station
import Testing

@Suite("Bearer tokens and roles")
struct AuthenticationTests {
    typealias Role = StationSettings.Role

    @Test("A request with no token, an unknown token or another scheme is refused 401 unauthenticated, with WWW-Authenticate")
    func unauthenticated() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            let missing = try await client.get("/api/v1/batches")
            #expect(missing.status == 401)
            #expect(missing.error?.error == "unauthenticated")
            #expect(missing.headers[.wwwAuthenticate] == "Bearer")

            let unknown = try await client.send(.get, "/api/v1/batches", token: "not-a-token")
            #expect(unknown.status == 401 && unknown.error?.error == "unauthenticated")
            #expect(unknown.error?.message.contains("not one of this station's") == true)

            // A token one byte short of a real one, or one byte longer, is unknown too.
            let real = APIHarness.tokens[.admin]!
            for token in [String(real.dropLast()), real + "x", real.uppercased()] {
                #expect(try await client.send(.get, "/api/v1/batches", token: token).status == 401, "\(token)")
            }

            var headers = "Basic \(real)"
            let basic = try await client.send(.get, "/api/v1/batches", token: nil, body: nil, contentType: nil, authorization: headers)
            #expect(basic.status == 401 && basic.error?.message.contains("not a bearer token") == true)
            headers = "bearer \(real)"
            #expect(try await client.send(.get, "/api/v1/batches", authorization: headers).status == 200)
        }
    }

    @Test("/health, /metrics and /openapi.json answer without a token")
    func openRoutes() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            for path in ["/health", "/metrics", "/openapi.json"] {
                #expect(try await client.get(path).status == 200, "\(path)")
            }
        }
    }

    @Test("Every route that needs a role is refused 403 forbidden, naming the role, to every role below it, and only to those",
          arguments: Role.allCases)
    func roleMatrix(role: Role) async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        try await harness.test { client async throws in
            let document = try await client.get("/openapi.json").json
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var checked = 0
            for (path, methods) in paths {
                for (method, operation) in methods {
                    guard let required = ((operation as? [String: Any])?["x-required-role"] as? String).flatMap(Role.init(rawValue:)) else { continue }
                    let uri = path.replacingOccurrences(of: "{batch}", with: String(batch))
                    let answer = try await client.send(.init(method.uppercased())!, uri, as: role)
                    if role < required {
                        #expect(answer.status == 403, "\(role) \(method) \(path)")
                        #expect(answer.error?.error == "forbidden")
                        #expect(answer.error?.message.contains("role \(required.rawValue)") == true, "\(answer.text)")
                    } else {
                        #expect(answer.status != 403 && answer.status != 401, "\(role) \(method) \(path): \(answer.text)")
                    }
                    checked += 1
                }
            }
            #expect(checked >= 9)
        }
    }

    @Test("An operator can neither close nor override-close a batch; a lead can")
    func operatorCannotClose() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        _ = try await harness.printLabels(batch: batch, count: 2)
        try await harness.test { client async throws in
            for role in [Role.operator_, .quality] {
                let plain = try await client.post("/api/v1/batches/\(batch)/close", as: role, json: "{}")
                #expect(plain.status == 403 && plain.error?.message.contains("lead") == true)
                let override = try await client.post("/api/v1/batches/\(batch)/close", as: role, json: #"{"override":{"reason":"camera down"}}"#)
                #expect(override.status == 403)
            }
            #expect(try await harness.ledger.batch(batch).state == .open)
            let lead = try await client.post("/api/v1/batches/\(batch)/close", as: .lead, json: #"{"override":{"reason":"camera down"}}"#)
            #expect(lead.status == 200)
            #expect(try await harness.ledger.batch(batch).state == .closed)
        }
    }

    @Test("An operator cannot void a label; quality can")
    func qualityVoids() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        let code = try await harness.printLabels(batch: batch, count: 1)[0]
        try await harness.test { client async throws in
            let body = #"{"code":"\#(code)","reason":"smudged"}"#
            #expect(try await client.post("/api/v1/batches/\(batch)/voids", as: .operator_, json: body).status == 403)
            #expect(try await client.post("/api/v1/batches/\(batch)/voids", as: .quality, json: body).status == 201)
        }
    }
}
