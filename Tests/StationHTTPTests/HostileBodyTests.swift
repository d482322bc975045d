import Foundation
import Hummingbird
import Ledger
import PropertyBased
import Testing

/// Whatever a client sends to a POST route, the answer is a 2xx or a 4xx with an error body:
/// never a 5xx, never a crash, and the ledger stays intact.
@Suite("Hostile request bodies")
struct HostileBodyTests {
    static let fragments = [
        "{", "}", "[", "]", "\"", ":", ",", "\"gtin\"", "\"lot\"", "\"quantity\"", "\"override\"", "\"reason\"", "\"code\"",
        "\"replace\"", "\"line\"", "\"production_date\"", "\"overage_percent\"", "true", "null", "-1", "0", "7", "1e309",
        "99999999999999999999", "\"06901234567892\"", "\"B1\"", "\"260301\"", "\"line-1\"", "P5\n8 8\n255\n", "\u{0}", "🙂", " ",
        "\\u0000", "\\ud800", "\"https://id.gs1.org/01/06901234567892/21/X\"",
    ]
    /// Bytes mixing JSON-ish fragments with any byte.
    static let body = zip(Gen.int(in: 0...fragments.count + 8), Gen<UInt8>.value(in: 0...255))
        .map { index, byte in index < fragments.count ? Array(fragments[index].utf8) : [byte] }
        .array(of: 0...40)
        .map { $0.flatMap { $0 } }
    static let contentType = Gen.element(of: [
        "application/json", "application/json; charset=utf-8", "image/png", "image/jpeg", "image/x-portable-anymap", "text/plain", "",
        "multipart/form-data; boundary=x", "none",
    ])
    static let route = Gen.int(in: 0...3)

    @Test("Random bodies and content types to every POST route never give a 5xx, and the ledger stays intact")
    func neverServerError() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch(quantity: 100)
        _ = try await harness.printLabels(batch: batch, count: 3)
        let routes = ["/api/v1/batches", "/api/v1/batches/\(batch)/close", "/api/v1/batches/\(batch)/voids",
                      "/api/v1/batches/\(batch)/verifications?line=line-1"]
        try await harness.test { client async throws in
            await propertyCheck(count: 300, input: Self.route, Self.body, Self.contentType) { route, body, contentType in
                let type = contentType.flatMap { $0 == "none" ? nil : $0 }
                let answer = try await client.send(.post, routes[route], as: .admin, body: body, contentType: type)
                #expect(answer.status < 500, "\(routes[route]) \(type ?? "-") \(body): \(answer.text)")
                if answer.status >= 400 {
                    #expect(answer.error != nil, "\(answer.text)")
                }
            }
        }
        #expect(try await harness.ledger.verifyAudit(trustedKey: nil).isIntact)
    }
}
