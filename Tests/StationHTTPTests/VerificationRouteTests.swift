import Foundation
import Ledger
import Testing

@Suite("Uploading label images for verification")
struct VerificationRouteTests {
    static func path(_ batch: Int64, line: String? = nil) -> String {
        "/api/v1/batches/\(batch)/verifications" + (line.map { "?line=\($0)" } ?? "")
    }

    @Test("A printed label's image passes and is recorded; the same label again is a duplicate; metrics count the pass")
    func passThenDuplicate() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        let codes = try await harness.printLabels(batch: batch, count: 2)
        let image = try APIHarness.qrImage(codes[0])
        try await harness.test { client async throws in
            let first = try await client.send(.post, Self.path(batch, line: "line-1"), as: .operator_, body: image, contentType: "image/x-portable-anymap")
            #expect(first.status == 200, "\(first.text)")
            #expect(first.json["status"] as? String == "pass" && first.json["expected"] as? String == codes[0])
            #expect(first.json["recorded"] as? [String] == ["verified-pass"])

            let second = try await client.send(.post, Self.path(batch, line: "line-1"), as: .operator_, body: image, contentType: "image/x-portable-anymap")
            #expect(second.status == 200)
            #expect(second.json["status"] as? String == "duplicate" && second.json["reason"] as? String == "verified-pass")

            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"tracestation_labels_verified_total{line="line-1",result="pass"} 1"#), "\(metrics)")
            #expect(metrics.contains(#"tracestation_labels_verified_total{line="line-1",result="fail"} 0"#))
        }
        let counts = try await harness.ledger.reconcile(batch: batch)
        #expect(counts.verifiedPass == 1 && counts.printedConfirmed == 1)
    }

    @Test("An issued label not yet recorded as printed is recorded printed, then verified, in one commit")
    func unprintedLabel() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        let code = try await harness.ledger.issue(batch: batch, count: 1)[0].value
        try await harness.test { client async throws in
            let answer = try await client.send(.post, Self.path(batch), as: .operator_, body: try APIHarness.qrImage(code), contentType: "image/x-portable-anymap")
            #expect(answer.json["recorded"] as? [String] == ["printed", "verified-pass"])
        }
    }

    @Test("Another batch's label is wrong (other-batch); a blank image is unreadable; neither records anything")
    func wrongAndUnreadable() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        let other = try await harness.createBatch()
        let otherCode = try await harness.printLabels(batch: other, count: 1)[0]
        try await harness.test { client async throws in
            let wrong = try await client.send(.post, Self.path(batch), as: .operator_, body: try APIHarness.qrImage(otherCode), contentType: "image/x-portable-anymap")
            #expect(wrong.status == 200)
            #expect(wrong.json["status"] as? String == "wrong" && wrong.json["reason"] as? String == "other-batch")
            #expect(wrong.json["batch"] as? Int == Int(other))

            let blank = try await client.send(.post, Self.path(batch), as: .operator_, body: APIHarness.blankImage(), contentType: "image/x-portable-anymap")
            #expect(blank.status == 200 && blank.json["status"] as? String == "unreadable")
        }
        #expect(try await harness.ledger.reconcile(batch: other).verifiedPass == 0)
    }

    @Test("Bytes that are no image are 422 unreadable-image; a wrong or missing Content-Type is 415; an image over the limit is 413")
    func refusals() async throws {
        let harness = try APIHarness(maximumImageBytes: 4096)
        let batch = try await harness.createBatch()
        let code = try await harness.printLabels(batch: batch, count: 1)[0]
        try await harness.test { client async throws in
            for bytes in [Array("not an image".utf8), [], Array("P5\n10 10\n255\n".utf8) + [1, 2, 3], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]] {
                let answer = try await client.send(.post, Self.path(batch), as: .operator_, body: bytes, contentType: "image/png")
                #expect(answer.status == 422, "\(bytes.prefix(8)): \(answer.text)")
                #expect(answer.error?.error == "unreadable-image" && answer.error?.field == "body")
            }
            let image = try APIHarness.qrImage(code)
            let json = try await client.send(.post, Self.path(batch), as: .operator_, body: image, contentType: "application/json")
            #expect(json.status == 415 && json.error?.error == "unsupported-media-type")
            let none = try await client.send(.post, Self.path(batch), as: .operator_, body: image)
            #expect(none.status == 415 && none.error?.field == "Content-Type")

            let large = try await client.send(.post, Self.path(batch), as: .operator_, body: [UInt8](repeating: 255, count: 5000) , contentType: "image/png")
            #expect(large.status == 413 && large.error?.error == "too-large")

            let badLine = try await client.send(.post, Self.path(batch, line: "line-9"), as: .operator_, body: image, contentType: "image/x-portable-anymap")
            #expect(badLine.status == 400 && badLine.error?.error == "unknown-line" && badLine.error?.field == "line")
            let unknownBatch = try await client.send(.post, Self.path(99), as: .operator_, body: image, contentType: "image/x-portable-anymap")
            #expect(unknownBatch.status == 404)
        }
        #expect(try await harness.ledger.reconcile(batch: batch).verifiedPass == 0)
    }

    @Test("An image for a closed batch is refused 409 batch-closed")
    func closedBatch() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        let code = try await harness.printLabels(batch: batch, count: 1)[0]
        _ = try await harness.ledger.close(batch: batch, signer: try #require(harness.signer), override: try CloseOverride(reason: "test", lead: "Li Na"))
        try await harness.test { client async throws in
            let answer = try await client.send(.post, Self.path(batch), as: .operator_, body: try APIHarness.qrImage(code), contentType: "image/x-portable-anymap")
            #expect(answer.status == 409 && answer.error?.error == "batch-closed")
        }
    }
}
