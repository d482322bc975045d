import Foundation
import Ledger
import Testing

@Suite("Voiding labels")
struct VoidRouteTests {
    @Test("A void is recorded with its reason; with replace a linked replacement is issued and counted as a reprint")
    func voidAndReprint() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        let codes = try await harness.printLabels(batch: batch, count: 2)
        try await harness.test { client async throws in
            let plain = try await client.post("/api/v1/batches/\(batch)/voids", as: .quality,
                                              json: #"{"code":"\#(codes[0])","reason":"smudged","line":"line-1"}"#)
            #expect(plain.status == 201)
            #expect(plain.json["voided"] as? String == codes[0] && plain.json["replacement"] == nil)

            let reprint = try await client.post("/api/v1/batches/\(batch)/voids", as: .quality,
                                                json: #"{"code":"\#(codes[1])","reason":"torn","replace":true}"#)
            #expect(reprint.status == 201)
            let replacement = try #require(reprint.json["replacement"] as? [String: Any])
            let newCode = try #require(replacement["code"] as? String)
            #expect(newCode != codes[1] && replacement["batch"] as? Int == Int(batch))

            let counts = try await client.get("/api/v1/batches/\(batch)", as: .operator_).json["reconciliation"] as? [String: Any]
            #expect(counts?["voided"] as? Int == 2 && counts?["reprinted"] as? Int == 1 && counts?["issued"] as? Int == 3)

            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"tracestation_labels_voided_total{line="line-1"} 1"#))
            #expect(metrics.contains(#"tracestation_labels_voided_total{line="unassigned"} 1"#))
        }
    }

    @Test("Each bad void is refused with its status and code, and records nothing")
    func refusals() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        let other = try await harness.createBatch()
        let codes = try await harness.printLabels(batch: batch, count: 1)
        let otherCode = try await harness.printLabels(batch: other, count: 1)[0]
        let unknownCode = "https://id.gs1.org/01/\(APIHarness.gtin)/10/B20260301/21/NOTISSUED123"
        let cases: [(String, Int, String, String?)] = [
            (#"{"code":"\#(codes[0])","reason":""}"#, 422, "invalid-field", "reason"),
            (#"{"code":"","reason":"smudged"}"#, 422, "invalid-field", "code"),
            (#"{"code":"\#(unknownCode)","reason":"smudged"}"#, 422, "unknown-code", "code"),
            (#"{"code":"\#(unknownCode)","reason":"smudged","replace":true}"#, 422, "unknown-code", "code"),
            (#"{"code":"not a code","reason":"smudged","replace":true}"#, 422, "unknown-code", "code"),
            (#"{"code":"\#(otherCode)","reason":"smudged"}"#, 422, "code-in-other-batch", "code"),
            (#"{"code":"\#(otherCode)","reason":"smudged","replace":true}"#, 422, "code-in-other-batch", "code"),
            (#"{"code":"\#(codes[0])","reason":"smudged","line":"line-9"}"#, 422, "unknown-line", "line"),
            (#"{"code":"\#(codes[0])","reason":"smudged","replace":"yes"}"#, 422, "invalid-field", "replace"),
            (#"{"code":"\#(codes[0])"}"#, 422, "missing-field", "reason"),
        ]
        try await harness.test { client async throws in
            for (body, status, code, field) in cases {
                let answer = try await client.post("/api/v1/batches/\(batch)/voids", as: .quality, json: body)
                #expect(answer.status == status, "\(body): \(answer.text)")
                #expect(answer.error?.error == code && answer.error?.field == field, "\(body): \(answer.text)")
            }
            let missingBatch = try await client.post("/api/v1/batches/77/voids", as: .quality, json: #"{"code":"\#(codes[0])","reason":"x"}"#)
            #expect(missingBatch.status == 404 && missingBatch.error?.error == "batch-not-found")
        }
        let counts = try await harness.ledger.reconcile(batch: batch)
        #expect(counts.voided == 0 && counts.issued == 1)
        #expect(try await harness.ledger.reconcile(batch: other).voided == 0)
    }

    @Test("Voiding a voided label is 409 illegal-transition; voiding in a closed batch is 409 batch-closed")
    func conflicts() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        let codes = try await harness.printLabels(batch: batch, count: 2)
        try await harness.test { client async throws in
            let body = #"{"code":"\#(codes[0])","reason":"smudged"}"#
            #expect(try await client.post("/api/v1/batches/\(batch)/voids", as: .quality, json: body).status == 201)
            let again = try await client.post("/api/v1/batches/\(batch)/voids", as: .quality, json: body)
            #expect(again.status == 409 && again.error?.error == "illegal-transition" && again.error?.field == "code")
            let reprintVoided = try await client.post("/api/v1/batches/\(batch)/voids", as: .quality,
                                                      json: #"{"code":"\#(codes[0])","reason":"again","replace":true}"#)
            #expect(reprintVoided.status == 409, "\(reprintVoided.text)")

            #expect(try await client.post("/api/v1/batches/\(batch)/close", as: .lead, json: #"{"override":{"reason":"end of shift"}}"#).status == 200)
            let closed = try await client.post("/api/v1/batches/\(batch)/voids", as: .quality, json: #"{"code":"\#(codes[1])","reason":"late"}"#)
            #expect(closed.status == 409 && closed.error?.error == "batch-closed")
        }
    }
}
