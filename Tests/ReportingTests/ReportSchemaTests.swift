import Foundation
import PropertyBased
import Reporting
import Testing

/// `docs/report.schema.json` describes what the station sends (in canonical names), checked by
/// Python's jsonschema with format checks on. Without python3 and its modules these tests fail
/// and say to run `make deps`.
@Suite("Report JSON schema")
struct ReportSchemaTests {
    static let schema = ReportSamples.repository.appendingPathComponent("docs/report.schema.json")

    @Test("Random chunks validate against docs/report.schema.json")
    func randomChunksValidate() async {
        // Each run checks 60 chunks in one call of the validator.
        await propertyCheck(count: 2, input: ReportSamples.chunk.array(of: 60)) { chunks in
            let result = try ReportSamples.validate(chunks.map { try FieldMapping.identity.encode($0) }, against: Self.schema)
            #expect(result.status != 2, "the JSON Schema validator is missing: \(result.output) — run `make deps`")
            #expect(result.status == 0, "\(result.output.split(separator: "\n").filter { $0.hasPrefix("INVALID") }.prefix(3))")
        }
    }

    @Test("A chunk with a bad field fails the schema", arguments: [
        ("\"uscc\":\"", "\"uscc\":\"IO"),
        ("\"gtin\":\"", "\"gtin\":\"A"),
        ("\"printed_at\":\"", "\"printed_at\":\"yesterday "),
        ("\"schema\":", "\"extra\":1,\"schema\":"),
        ("\"verification\":\"pass\"", "\"verification\":\"ok\""),
    ])
    func badFieldsFail(field: String, replacement: String) throws {
        let chunk = ReportChunk(
            report: ReportHeader(id: "station-1/1", chunk: 1, chunks: 1, createdAt: "2025-03-01T08:00:05.000+08:00"),
            producer: ReportingProfile.embeddedDefault.producer,
            product: try ReportingProfile.embeddedDefault.product(gtin: "06901234567892"),
            batch: BatchInfo(id: 1, lot: "B20250301", productionDate: "2025-03-01", quantity: 10),
            codes: [CodeRecord(scheme: "GS1", code: "https://id.gs1.org/01/06901234567892/21/A1", payload: "(01)06901234567892(21)A1",
                               printedAt: "2025-03-01T08:00:00.000+08:00", line: "LINE1", verification: .pass)],
            voids: [])
        let good = String(decoding: try FieldMapping.identity.encode(chunk), as: UTF8.self)
        #expect(good.contains(field))
        let bad = good.replacingOccurrences(of: field, with: replacement)
        let result = try ReportSamples.validate([Array(good.utf8), Array(bad.utf8)], against: Self.schema)
        #expect(result.status != 2, "the JSON Schema validator is missing: \(result.output) — run `make deps`")
        #expect(result.status == 1)
        #expect(result.output.contains("OK ") && result.output.contains("INVALID "), "\(result.output)")
    }
}
