import Foundation
import PlatformSim
import Reporting
import Testing

@Suite("POST /reports: payloads a platform would refuse get 422 naming the field")
struct PayloadValidationTests {
    /// A change that breaks one rule, and the field the refusal must name.
    struct Breakage: CustomTestStringConvertible, Sendable {
        let name: String
        let field: String
        let change: @Sendable (inout ReportChunk) -> Void
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "bad USCC check character", field: "producer.uscc") { $0.producer.uscc = "91350100M00010001A" },
        Breakage(name: "USCC of 17 characters", field: "producer.uscc") { $0.producer.uscc = "91350100M00010001" },
        Breakage(name: "bad GTIN check digit", field: "product.gtin") { $0.product.gtin = "06901234567893" },
        Breakage(name: "a code of another product", field: "codes[1].code") {
            $0.codes[1].code = ReceiverHarness.code(serial: "X1", gtin: "06901234567809")
        },
        Breakage(name: "a code twice in the chunk", field: "codes[2].code") { $0.codes[2].code = $0.codes[0].code },
        Breakage(name: "a code without a serial", field: "codes[0].code") { $0.codes[0].code = "https://id.gs1.org/01/06901234567892/10/LOT1" },
        Breakage(name: "a code that is not a Digital Link", field: "codes[0].code") { $0.codes[0].code = "06901234567892ABC" },
        Breakage(name: "a print time that is not ISO 8601", field: "codes[0].printed_at") { $0.codes[0].printedAt = "2026-03-01 08:30" },
        Breakage(name: "an unknown code scheme", field: "codes[0].scheme") { $0.codes[0].scheme = "QR" },
        Breakage(name: "another schema version", field: "schema") { $0.schema = "tracestation.report/0" },
        Breakage(name: "chunk past the total", field: "report.chunk") { $0.report.chunk = 3 },
        Breakage(name: "a production date that is no day", field: "batch.production_date") { $0.batch.productionDate = "2026-02-30" },
        Breakage(name: "a voided code of another product", field: "voids[0].code") {
            $0.voids[0].code = ReceiverHarness.code(serial: "X2", gtin: "06901234567809")
        },
        Breakage(name: "a consignee with a bad USCC", field: "shipments[0].consignee_uscc") { $0.shipments[0].consigneeUSCC = "123" },
    ]

    @Test("each broken rule is refused 422 with its field named, and nothing is stored", arguments: breakages)
    func refused(_ breakage: Breakage) async throws {
        try await ReceiverHarness.with { harness in
            var chunk = ReceiverHarness.chunk(serials: ["P0", "P1", "P2"], voided: ["P9"])
            breakage.change(&chunk)
            let answer = try await harness.post(try ReceiverHarness.body(chunk))
            #expect(answer.status == 422)
            #expect(answer.json["field"] as? String == breakage.field)
            #expect((answer.json["error"] as? String)?.hasPrefix(breakage.field + ": ") == true)
            #expect(await harness.receiver.stats() == ReceiverStats(rejected: 1))
        }
    }

    @Test("a body that is not a chunk is refused 422 naming the missing field")
    func notAChunk() async throws {
        try await ReceiverHarness.with { harness in
            var object = try #require(try JSONSerialization.jsonObject(
                with: Data(try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["Q1"])))) as? [String: Any])
            var product = try #require(object["product"] as? [String: Any])
            product["gtin"] = nil
            object["product"] = product
            let answer = try await harness.post(Array(try JSONSerialization.data(withJSONObject: object)))
            #expect(answer.status == 422)
            #expect(answer.json["field"] as? String == "product.gtin")

            let garbage = try await harness.post(Array("not json".utf8))
            #expect(garbage.status == 422)
        }
    }

    @Test("every chunk of well-formed codes, in any number, is valid")
    func wellFormedChunksPass() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let count = Int.random(in: 0...40, using: &generator)
            let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
            let serials = Set((0..<count).map { _ in String((0..<Int.random(in: 1...20, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) })
            #expect(throws: Never.self, "serials \(serials)") { try ChunkValidator.validate(ReceiverHarness.chunk(serials: Array(serials))) }
        }
    }
}
