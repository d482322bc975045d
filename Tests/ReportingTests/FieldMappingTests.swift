import Foundation
import PropertyBased
import Reporting
import Testing

@Suite("Field mapping")
struct FieldMappingTests {
    /// Rules a platform might plausibly need: moves between objects, renames inside lists,
    /// a list renamed, a whole object moved with one field of it moved elsewhere.
    static let candidateRules: [(String, String)] = [
        ("producer.uscc", "enterprise.creditCode"),
        ("producer", "enterprise"),
        ("producer.name", "enterpriseName"),
        ("codes.printed_at", "codes.printTime"),
        ("codes", "items"),
        ("codes.code", "codes.id.value"),
        ("voids.reason", "voids.why"),
        ("shipments.consignee_uscc", "shipments.receiver.uscc"),
        ("product.inspection", "quality"),
        ("product.inspection.conclusion", "product.result"),
        ("batch.production_date", "productionDate"),
        ("report.created_at", "meta.time"),
        ("schema", "meta.schema"),
    ]

    static let mapping = Gen.bool.array(of: candidateRules.count).map { chosen in
        var renames: [String: String] = [:]
        for (rule, isChosen) in zip(candidateRules, chosen) where isChosen { renames[rule.0] = rule.1 }
        return renames
    }

    @Test("Random chunks under random valid mappings decode back to themselves, byte-stable")
    func roundTrip() async {
        await propertyCheck(count: 200, input: ReportSamples.chunk, Self.mapping) { chunk, renames in
            let mapping = try FieldMapping(renames)
            let bytes = try mapping.encode(chunk)
            #expect(try mapping.decode(bytes) == chunk)
            #expect(try mapping.encode(chunk) == bytes)
        }
    }

    @Test("The identity mapping writes what a plain JSONDecoder reads")
    func identityIsPlainJSON() async {
        await propertyCheck(count: 100, input: ReportSamples.chunk) { chunk in
            let bytes = try FieldMapping.identity.encode(chunk)
            #expect(try JSONDecoder().decode(ReportChunk.self, from: Data(bytes)) == chunk)
            #expect(!bytes.contains(UInt8(ascii: "\n")))
        }
    }

    @Test("A mapped chunk carries the platform's names and none of the renamed ones")
    func renamesAreApplied() throws {
        let mapping = try FieldMapping(["producer.uscc": "enterprise.creditCode", "codes.printed_at": "codes.printTime",
                                        "codes": "items"])
        let chunk = ReportChunk(
            report: ReportHeader(id: "r", chunk: 1, chunks: 1, createdAt: "2025-03-01T08:00:00.000+08:00"),
            producer: Producer(uscc: "913301005862013785", name: "n", address: "a"),
            product: Product(gtin: "06901234567892", name: "p"),
            batch: BatchInfo(id: 1, lot: "L", productionDate: nil, quantity: 1),
            codes: [CodeRecord(scheme: "GS1", code: "c", payload: "p", printedAt: "t", line: "l", verification: .pass)],
            voids: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(mapping.encode(chunk))) as? [String: Any])
        #expect((object["enterprise"] as? [String: Any])?["creditCode"] as? String == "913301005862013785")
        #expect((object["producer"] as? [String: Any])?["uscc"] == nil)
        #expect(object["codes"] == nil)
        let item = try #require((object["items"] as? [[String: Any]])?.first)
        #expect(item["printTime"] as? String == "t")
        #expect(item["printed_at"] == nil)
    }

    @Test("Mappings that collide are refused when made", arguments: [
        (["producer.uscc": "producer.name"], "'producer.name' and 'producer.uscc' would both be sent as 'producer.name'"),
        (["producer.uscc": "x", "producer.name": "x"], "would both be sent as 'x'"),
        (["codes.code": "codes.line"], "'codes.code' and 'codes.line' would both be sent as 'codes.line'"),
        (["producer.uscc": "batch.lot.value"], "'batch.lot' would be sent as 'batch.lot', which other fields need as an object"),
        (["producer": "product"], "would both be sent as 'product.name'"),
    ])
    func collisions(renames: [String: String], message: String) {
        let error = #expect(throws: ReportingError.self) { try FieldMapping(renames) }
        #expect(error?.description.contains(message) == true, "\(error.map(String.init(describing:)) ?? "no error")")
    }

    @Test("Unknown fields, empty names and a move out of a list are refused", arguments: [
        (["producer.credit": "x"], "'producer.credit' is not a field of the report"),
        (["producer.uscc": "enterprise..code"], "is not a dotted path of names"),
        (["codes.printed_at": "printTime"], "must stay inside it: codes."),
    ])
    func badRules(renames: [String: String], message: String) {
        let error = #expect(throws: ReportingError.self) { try FieldMapping(renames) }
        #expect(error?.description.contains(message) == true, "\(error.map(String.init(describing:)) ?? "no error")")
    }

    @Test("Decoding refuses unknown fields and wrong kinds with their path")
    func decodingRefusesBadPayloads() throws {
        let mapping = try FieldMapping(["codes.printed_at": "codes.printTime"])
        let good = try mapping.encode(ReportChunk(
            report: ReportHeader(id: "r", chunk: 1, chunks: 1, createdAt: "t"),
            producer: Producer(uscc: "u", name: "n", address: "a"), product: Product(gtin: "g", name: "p"),
            batch: BatchInfo(id: 1, lot: "L", productionDate: nil, quantity: 1),
            codes: [CodeRecord(scheme: "GS1", code: "c", payload: "p", printedAt: "t", line: "l", verification: .pass)],
            voids: []))
        let text = String(decoding: good, as: UTF8.self)
        for (bad, message) in [
            (text.replacingOccurrences(of: "\"printTime\"", with: "\"printed_at\""), "unknown field 'codes[0].printed_at'"),
            (text.replacingOccurrences(of: "\"quantity\":1", with: "\"quantity\":\"one\""), "batch.quantity must be a whole number"),
            (text.replacingOccurrences(of: "\"lot\":\"L\",", with: ""), "'lot' is missing in batch"),
            ("[1]", "the document must be an object"),
            ("{", "not valid JSON"),
        ] {
            let error = #expect(throws: ReportingError.self) { try mapping.decode(Array(bad.utf8)) }
            #expect(error?.description.contains(message) == true, "\(error.map(String.init(describing:)) ?? "no error")")
        }
    }
}
