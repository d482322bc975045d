import Foundation
import Ledger
import Testing

@Suite("A batch from creation to close through the API")
struct LineFlowTests {
    @Test("Create (API) → issue and print (ledger) → verify an image (API) → record verdicts (ledger) → reconcile → close → audit")
    func wholeBatch() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            let created = try await client.post("/api/v1/batches", as: .lead, json: #"{"gtin":"06901234567892","lot":"FLOW-1","quantity":4}"#)
            let batch = Int64(try #require(created.json["id"] as? Int))

            let codes = try await harness.printLabels(batch: batch, count: 4)
            let verdict = try await client.send(.post, "/api/v1/batches/\(batch)/verifications?line=line-2", as: .operator_,
                                                body: try APIHarness.qrImage(codes[0]), contentType: "image/x-portable-anymap")
            #expect(verdict.json["status"] as? String == "pass")
            try await harness.ledger.record([
                LabelChange(code: codes[1], event: .verifiedPass, batch: batch), LabelChange(code: codes[2], event: .verifiedFail, batch: batch),
            ])
            let voided = try await client.post("/api/v1/batches/\(batch)/voids", as: .quality,
                                               json: #"{"code":"\#(codes[3])","reason":"crooked","replace":true}"#)
            let replacement = try #require((voided.json["replacement"] as? [String: Any])?["code"] as? String)

            // The replacement is issued and unused, which balances; printed and not yet verified, it would not.
            let before = try await client.get("/api/v1/batches/\(batch)/reconciliation", as: .operator_)
            #expect(before.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(before.json["issued"] as? Int == 5 && before.json["unused"] as? Int == 1 && before.json["balanced"] as? Bool == true)
            #expect(before.text == (try await harness.ledger.reconcile(batch: batch)).json)

            try await harness.ledger.record([LabelChange(code: replacement, event: .printed, batch: batch)])
            let unbalanced = try await client.post("/api/v1/batches/\(batch)/close", as: .lead, json: "{}")
            #expect(unbalanced.status == 409)
            try await harness.ledger.record([LabelChange(code: replacement, event: .verifiedPass, batch: batch)])

            let csv = try await client.get("/api/v1/batches/\(batch)/reconciliation?format=csv", as: .operator_)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.hasPrefix("scope,issued,sent,printed_confirmed") && csv.text.contains("\"batch \(batch)\",5,0,0,0,3,1,1,1,0,4"))
            let html = try await client.get("/api/v1/batches/\(batch)/reconciliation?format=html", as: .operator_)
            #expect(html.headers[.contentType]?.hasPrefix("text/html") == true && html.text.contains("<svg"))
            let badFormat = try await client.get("/api/v1/batches/\(batch)/reconciliation?format=xml", as: .operator_)
            #expect(badFormat.status == 400 && badFormat.error?.field == "format")

            let closed = try await client.post("/api/v1/batches/\(batch)/close", as: .lead, json: "{}")
            #expect(closed.status == 200 && closed.json["override"] == nil)

            let key = try #require(harness.signer).publicKey.hexString
            let audit = try await client.get("/api/v1/audit?trusted_key=\(key)", as: .quality)
            #expect(audit.status == 200)
            #expect(audit.json["intact"] as? Bool == true && audit.json["checkpoints_verified"] as? Int == 1)
            #expect(audit.json["findings"] as? [String] == [])

            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"tracestation_labels_verified_total{line="line-2",result="pass"} 1"#))
        }
    }
}

@Suite("Audit verification")
struct AuditRouteTests {
    @Test("A trusted key that is not 64 hex digits of an Ed25519 key is 400; another signer's key makes the audit find the checkpoint")
    func trustedKey() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        _ = try await harness.ledger.close(batch: batch, signer: try #require(harness.signer), override: nil)
        try await harness.test { client async throws in
            for key in ["abc", "/etc/passwd", String(repeating: "g", count: 64)] {
                let answer = try await client.get("/api/v1/audit?trusted_key=\(key)", as: .quality)
                #expect(answer.status == 400 && answer.error?.field == "trusted_key", "\(key)")
            }
            let stranger = CheckpointSigner().publicKey.hexString
            let answer = try await client.get("/api/v1/audit?trusted_key=\(stranger)", as: .quality)
            #expect(answer.status == 200 && answer.json["intact"] as? Bool == false)
            #expect((answer.json["findings"] as? [String])?.isEmpty == false)
            let anyKey = try await client.get("/api/v1/audit", as: .quality)
            #expect(anyKey.json["intact"] as? Bool == true)
        }
    }
}
