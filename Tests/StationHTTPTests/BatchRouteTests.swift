import Foundation
import Ledger
import Reporting
import Testing

@Suite("Batches: create, list, show")
struct BatchRouteTests {
    static let path = "/api/v1/batches"

    @Test("A lead creates a batch: 201 with the batch, a Location, and the batch in the ledger")
    func create() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            let answer = try await client.post(Self.path, as: .lead,
                                               json: #"{"gtin":"6901234567892","lot":"B20260301","production_date":"260301","quantity":1000,"overage_percent":2}"#)
            #expect(answer.status == 201)
            let id = try #require(answer.json["id"] as? Int)
            #expect(answer.headers[.location] == "/api/v1/batches/\(id)")
            #expect(answer.json["gtin"] as? String == APIHarness.gtin)
            #expect(answer.json["limit"] as? Int == 1020 && answer.json["state"] as? String == "open" && answer.json["issued"] as? Int == 0)
            let stored = try await harness.ledger.batch(Int64(id))
            #expect(stored.spec.lot == "B20260301" && stored.spec.quantity == 1000 && stored.spec.overagePercent == 2)
            #expect(stored.spec.productionDate == "260301")
        }
    }

    @Test("Batches are listed oldest first; one batch shows its reconciliation counts")
    func listAndShow() async throws {
        let harness = try APIHarness()
        let first = try await harness.createBatch()
        let second = try await harness.createBatch(quantity: 5)
        _ = try await harness.printLabels(batch: second, count: 3)
        try await harness.test { client async throws in
            let list = try await client.get(Self.path, as: .operator_)
            #expect(list.status == 200)
            let batches = try #require(list.json["batches"] as? [[String: Any]])
            #expect(batches.map { $0["id"] as? Int } == [Int(first), Int(second)])
            #expect(batches[0]["reconciliation"] == nil)

            let shown = try await client.get("\(Self.path)/\(second)", as: .operator_)
            #expect(shown.status == 200)
            let counts = try #require(shown.json["reconciliation"] as? [String: Any])
            #expect(counts["issued"] as? Int == 3 && counts["printed_confirmed"] as? Int == 3)
            #expect(counts["balanced"] as? Bool == false)
            #expect((counts["problems"] as? [String])?.first?.contains("printed but neither verified nor flagged") == true)
        }
    }

    @Test("An unknown batch is 404 batch-not-found; a batch id that is not a positive integer is 400 naming it",
          arguments: ["/api/v1/batches/99", "/api/v1/batches/99/reconciliation"])
    func unknownBatch(path: String) async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            let missing = try await client.get(path, as: .operator_)
            #expect(missing.status == 404)
            #expect(missing.error?.error == "batch-not-found" && missing.error?.field == "batch")
            for bad in ["0", "-3", "seven", "99999999999999999999"] {
                let answer = try await client.get(path.replacingOccurrences(of: "99", with: bad), as: .operator_)
                #expect(answer.status == 400, "\(bad)")
                #expect(answer.error?.error == "invalid-parameter" && answer.error?.field == "batch", "\(bad)")
            }
        }
    }

    @Test("Each bad create body is refused with its status, code and field, and creates nothing", arguments: [
        (#"{"gtin":"6901234567893","lot":"L1","quantity":10}"#, 422, "invalid-field", "gtin"),
        (#"{"gtin":"6901234567892","lot":"","quantity":10}"#, 422, "invalid-field", "lot"),
        (#"{"gtin":"6901234567892","lot":"L 1","quantity":10}"#, 422, "invalid-field", "lot"),
        (#"{"gtin":"6901234567892","lot":"L1","production_date":"261341","quantity":10}"#, 422, "invalid-field", "production_date"),
        (#"{"gtin":"6901234567892","lot":"L1","quantity":0}"#, 422, "invalid-field", "quantity"),
        (#"{"gtin":"6901234567892","lot":"L1","quantity":9223372036854775807}"#, 422, "invalid-field", "quantity"),
        (#"{"gtin":"6901234567892","lot":"L1","quantity":10,"overage_percent":101}"#, 422, "invalid-field", "overage_percent"),
        (#"{"gtin":"6901234567892","lot":"L1","quantity":"10"}"#, 422, "invalid-field", "quantity"),
        (#"{"gtin":"6901234567892","lot":"L1","quantity":1.5}"#, 422, "invalid-field", "quantity"),
        (#"{"gtin":6901234567892,"lot":"L1","quantity":10}"#, 422, "invalid-field", "gtin"),
        (#"{"gtin":"6901234567892","lot":1.5,"quantity":10}"#, 422, "invalid-field", "lot"),
        (#"{"lot":"L1","quantity":10}"#, 422, "missing-field", "gtin"),
        (#"{"gtin":"6901234567892","lot":"L1","quantiy":10}"#, 422, "unknown-field", "quantiy"),
        (#"[1,2]"#, 422, "invalid-field", "body"),
        (#"{"gtin":"6901234567892","#, 400, "malformed-json", "body"),
        ("", 400, "malformed-json", "body"),
    ] as [(String, Int, String, String)])
    func badBodies(body: String, status: Int, code: String, field: String) async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            let answer = try await client.post(Self.path, as: .lead, json: body)
            #expect(answer.status == status, "\(answer.text)")
            #expect(answer.error?.error == code && answer.error?.field == field, "\(answer.text)")
            #expect(answer.error?.message.isEmpty == false)
        }
        #expect(try await harness.ledger.batches().isEmpty)
    }

    @Test("A body that is not JSON by its Content-Type is 415, and one over 64 KiB is 413")
    func mediaTypeAndSize() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            let body = Array(#"{"gtin":"6901234567892","lot":"L1","quantity":10}"#.utf8)
            let form = try await client.send(.post, Self.path, as: .lead, body: body, contentType: "application/x-www-form-urlencoded")
            #expect(form.status == 415 && form.error?.error == "unsupported-media-type" && form.error?.field == "Content-Type")
            // No Content-Type is read as JSON; a charset parameter is fine.
            #expect(try await client.send(.post, Self.path, as: .lead, body: body).status == 201)
            #expect(try await client.send(.post, Self.path, as: .lead, body: body, contentType: "application/json; charset=utf-8").status == 201)

            let padded = Array(#"{"gtin":"6901234567892","lot":"L1","quantity":10}"#.utf8) + [UInt8](repeating: 0x20, count: 70_000)
            let large = try await client.send(.post, Self.path, as: .lead, body: padded, contentType: "application/json")
            #expect(large.status == 413 && large.error?.error == "too-large")
        }
        #expect(try await harness.ledger.batches().count == 2)
    }

    @Test("With the reporting profile's products, a batch of another GTIN is refused 422 unknown-product; products are listed")
    func products() async throws {
        let harness = try APIHarness(products: [APIHarness.gtin: Product(gtin: APIHarness.gtin, name: "电热水壶", model: "K-1")])
        try await harness.test { client async throws in
            let list = try await client.get("/api/v1/products", as: .operator_)
            let products = try #require(list.json["products"] as? [[String: Any]])
            #expect(products.count == 1 && products[0]["name"] as? String == "电热水壶" && products[0]["code_scheme"] as? String == "GS1")

            let other = try await client.post(Self.path, as: .lead, json: #"{"gtin":"4006381333931","lot":"L1","quantity":10}"#)
            #expect(other.status == 422 && other.error?.error == "unknown-product" && other.error?.field == "gtin")
            let known = try await client.post(Self.path, as: .lead, json: #"{"gtin":"6901234567892","lot":"L1","quantity":10}"#)
            #expect(known.status == 201)
        }
    }

    @Test("Without a reporting profile the product list is empty and any valid GTIN makes a batch")
    func noProfile() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            #expect(try await client.get("/api/v1/products", as: .operator_).json["products"] as? [Any] != nil)
            #expect(try await client.post(Self.path, as: .lead, json: #"{"gtin":"4006381333931","lot":"L1","quantity":10}"#).status == 201)
        }
    }
}
