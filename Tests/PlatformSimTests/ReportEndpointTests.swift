import Foundation
import PlatformSim
import Reporting
import Testing

@Suite("POST /reports: signature, token, idempotency key and size")
struct ReportEndpointTests {
    @Test("a signed valid chunk is accepted, stored and counted; sent again it is a duplicate with the same receipt")
    func acceptAndDuplicate() async throws {
        try await ReceiverHarness.with { harness in
            let body = try ReceiverHarness.body(ReceiverHarness.chunk(serials: ReceiverHarness.serials(5), voided: ["V1"]))
            let first = try await harness.post(body)
            #expect(first.status == 200)
            let receipt = try #require(first.json["receipt"] as? String)
            #expect(first.json["duplicate"] as? Bool == false && first.json["codes"] as? Int == 5)

            let again = try await harness.post(body)
            #expect(again.status == 200)
            #expect(again.json["receipt"] as? String == receipt)
            #expect(again.json["duplicate"] as? Bool == true && again.json["codes"] as? Int == 5)

            #expect(await harness.receiver.stats() == ReceiverStats(codes: 5, chunks: 1, duplicates: 1, voids: 1))
            let stored = try String(contentsOfFile: harness.receiver.storePath, encoding: .utf8)
            #expect(stored.split(separator: "\n").count == 1)
            #expect(stored.contains(RequestSigning.idempotencyKey(body: body)))
        }
    }

    @Test("a body changed in any byte after signing is refused 401 by the signature check, and nothing is stored")
    func tamperedBody() async throws {
        try await ReceiverHarness.with { harness in
            let body = try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["A1", "A2"]))
            // Every position, each with a different change, so no byte of the body is left unguarded.
            for position in body.indices {
                var tampered = body
                tampered[position] ^= UInt8(truncatingIfNeeded: position % 255 + 1)
                let answer = try await harness.post(tampered, key: RequestSigning.idempotencyKey(body: body), signedBody: body)
                #expect(answer.status == 401, "byte \(position)")
                #expect((answer.json["error"] as? String)?.contains(RequestSigning.signatureHeader) == true, "byte \(position)")
            }
            let stats = await harness.receiver.stats()
            #expect(stats.chunks == 0 && stats.codes == 0 && stats.rejected == body.count)
            #expect(try Data(contentsOf: URL(fileURLWithPath: harness.receiver.storePath)).isEmpty)
        }
    }

    @Test("a wrong or missing token, a stale timestamp or another secret is refused 401")
    func unauthorized() async throws {
        try await ReceiverHarness.with { harness in
            let body = try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["B1"]))
            let wrongToken = try await harness.post(body, token: "not-the-token")
            #expect(wrongToken.status == 401)
            #expect((wrongToken.json["error"] as? String)?.contains("bearer token") == true)

            let skew = RequestSigning.maximumClockSkewMilliseconds
            for timestamp in [ReceiverHarness.now() - skew - 60_000, ReceiverHarness.now() + skew + 60_000] {
                let stale = try await harness.post(body, timestamp: timestamp)
                #expect(stale.status == 401)
                #expect((stale.json["error"] as? String)?.contains(RequestSigning.timestampHeader) == true)
            }

            let otherSecret = try await harness.post(body, secret: Array("other-secret".utf8))
            #expect(otherSecret.status == 401)
            #expect(await harness.receiver.stats() == ReceiverStats(rejected: 4))
        }
    }

    @Test("an idempotency key that is not the body's SHA-256 is refused 400")
    func keyNotTheBodyHash() async throws {
        try await ReceiverHarness.with { harness in
            let body = try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["C1"]))
            let answer = try await harness.post(body, key: String(repeating: "0", count: 64))
            #expect(answer.status == 400)
            #expect((answer.json["error"] as? String)?.contains(RequestSigning.idempotencyHeader) == true)
            #expect(await harness.receiver.stats().chunks == 0)
        }
    }

    @Test("a body over the size limit is refused 413 and the receiver goes on serving")
    func oversized() async throws {
        try await ReceiverHarness.with(maximumBodyBytes: 4096) { harness in
            let large = try ReceiverHarness.body(ReceiverHarness.chunk(serials: ReceiverHarness.serials(200)))
            #expect(large.count > 4096)
            let refused = try await harness.post(large)
            #expect(refused.status == 413)
            let small = try await harness.post(try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["D1"])))
            #expect(small.status == 200)
        }
    }

    @Test("GET /health answers 200 and GET /stats answers the documented keys")
    func healthAndStats() async throws {
        try await ReceiverHarness.with { harness in
            #expect(try await harness.get("/health").status == 200)
            _ = try await harness.post(try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["E1", "E2"])))
            let stats = try await harness.get("/stats")
            #expect(stats.status == 200)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.body)) as? [String: Int])
            #expect(object == ["codes": 2, "chunks": 1, "duplicates": 0, "rejected": 0, "injected_faults": 0,
                               "repeated_codes": 0, "voids": 0])
        }
    }
}
