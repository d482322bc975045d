import Foundation
import Ledger
import Testing

@Suite("Closing a batch")
struct CloseRouteTests {
    @Test("A balanced batch closes with an empty body: 200 with the signed checkpoint, the batch closed in the ledger")
    func balanced() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        let codes = try await harness.printLabels(batch: batch, count: 3)
        try await harness.ledger.record(codes.map { LabelChange(code: $0, event: .verifiedPass, batch: batch) })
        try await harness.test { client async throws in
            let answer = try await client.send(.post, "/api/v1/batches/\(batch)/close", as: .lead)
            #expect(answer.status == 200, "\(answer.text)")
            #expect(answer.json["state"] as? String == "closed" && answer.json["override"] == nil)
            #expect(answer.json["public_key"] as? String == harness.signer?.publicKey.hexString)
            #expect((answer.json["counts"] as? [String: Any])?["verified_pass"] as? Int == 3)
            #expect((answer.json["signature"] as? String)?.count == 128)
        }
        #expect(try await harness.ledger.batch(batch).state == .closed)
    }

    @Test("An unbalanced batch is refused 409 unbalanced naming the problem; with an override it closes, the lead's name recorded")
    func unbalancedAndOverride() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        _ = try await harness.printLabels(batch: batch, count: 2)
        try await harness.test { client async throws in
            let refused = try await client.post("/api/v1/batches/\(batch)/close", as: .lead, json: "{}")
            #expect(refused.status == 409 && refused.error?.error == "unbalanced")
            #expect(refused.error?.message.contains("2 printed but neither verified nor flagged") == true)
            #expect(try await harness.ledger.batch(batch).state == .open)

            for empty in [#"{"override":{"reason":"  "}}"#, #"{"override":{}}"#, #"{"override":"yes"}"#] {
                let answer = try await client.post("/api/v1/batches/\(batch)/close", as: .lead, json: empty)
                #expect(answer.status == 422, "\(empty)")
                #expect(answer.error?.field?.hasPrefix("override") == true, "\(empty): \(answer.text)")
            }

            let closed = try await client.post("/api/v1/batches/\(batch)/close", as: .lead, json: #"{"override":{"reason":"camera down; checked by hand"}}"#)
            #expect(closed.status == 200)
            let override = try #require(closed.json["override"] as? [String: Any])
            #expect(override["lead"] as? String == "Li Na" && override["reason"] as? String == "camera down; checked by hand")

            let again = try await client.post("/api/v1/batches/\(batch)/close", as: .lead, json: "{}")
            #expect(again.status == 409 && again.error?.error == "batch-closed")
        }
        let report = try await harness.ledger.verifyAudit(trustedKey: harness.signer?.publicKey)
        #expect(report.isIntact && report.checkpointsVerified == 1)
    }

    @Test("Without a signing key a close is refused 503 no-signing-key and the batch stays open")
    func noSigningKey() async throws {
        let harness = try APIHarness(signer: nil)
        let batch = try await harness.createBatch()
        try await harness.test { client async throws in
            let answer = try await client.post("/api/v1/batches/\(batch)/close", as: .lead, json: "{}")
            #expect(answer.status == 503 && answer.error?.error == "no-signing-key")
            #expect(answer.error?.message.contains("TRACESTATION_SIGNING_KEY") == true)
        }
        #expect(try await harness.ledger.batch(batch).state == .open)
    }

    @Test("Closing an unknown batch is 404")
    func unknown() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            let answer = try await client.post("/api/v1/batches/42/close", as: .admin, json: "{}")
            #expect(answer.status == 404 && answer.error?.error == "batch-not-found")
        }
    }
}
