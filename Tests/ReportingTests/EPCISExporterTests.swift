import Foundation
import PropertyBased
import Testing
@testable import Reporting

@Suite("EPCIS 2.0 export")
struct EPCISExporterTests {
    static let exporter = EPCISExporter(profile: .embeddedDefault)
    static let createdAt = "2025-03-01T08:00:05.000+08:00"
    static let schema = ReportSamples.epcisFixtures.appendingPathComponent("EPCIS-JSON-Schema.json")

    @Test("Exports of random batches validate against the official EPCIS 2.0 schema, format checks on",
          .enabled(if: ReportSamples.epcisFixturesExist, "the EPCIS fixtures are not beside the repository (../shared/fixtures/epcis)"))
    func exportsValidate() async {
        // Codes only, voids only, both, and shipments: each run checks 30 documents in one call of the validator.
        await propertyCheck(count: 2, input: ReportSamples.report.array(of: 30)) { reports in
            let documents = try reports.map { try Self.exporter.document(for: $0, createdAt: Self.createdAt) }
            let result = try ReportSamples.validate(documents, against: Self.schema)
            #expect(result.status != 2, "the JSON Schema validator is missing: \(result.output) — run `make deps`")
            #expect(result.status == 0, "\(result.output.split(separator: "\n").filter { $0.hasPrefix("INVALID") }.prefix(3))")
        }
    }

    @Test("A broken document fails the same validator", .enabled(if: ReportSamples.epcisFixturesExist, "no EPCIS fixtures"),
          arguments: [
              ("\"bizStep\":\"commissioning\"", "\"bizStep\":\"comissioning\""),
              ("\"eventTimeZoneOffset\":", "\"eventTimeZoneOffsetX\":"),
              ("\"epcList\":[\"https://id.gs1.org/", "\"epcList\":[\"not a uri "),
              ("\"action\":\"ADD\"", "\"action\":\"OBSERVE\""),
          ])
    func brokenDocumentFails(field: String, replacement: String) throws {
        let good = String(decoding: try Self.exporter.document(for: Self.sample, createdAt: Self.createdAt), as: UTF8.self)
        #expect(good.contains(field))
        let bad = good.replacingOccurrences(of: field, with: replacement)
        let result = try ReportSamples.validate([Array(good.utf8), Array(bad.utf8)], against: Self.schema)
        #expect(result.status != 2, "the JSON Schema validator is missing: \(result.output) — run `make deps`")
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("OK ") && result.output.contains("INVALID "), "\(result.output)")
    }

    static let sample = BatchReport(
        producer: ReportingProfile.embeddedDefault.producer,
        product: try! ReportingProfile.embeddedDefault.product(gtin: "06901234567892"),
        batch: BatchInfo(id: 7, lot: "B20250301", productionDate: "2025-03-01", quantity: 3),
        codes: [
            CodeRecord(scheme: "GS1", code: "https://id.gs1.org/01/06901234567892/21/A1", payload: "(01)06901234567892(21)A1",
                       printedAt: "2025-03-01T08:00:00.000+08:00", line: "LINE1", verification: .pass),
            CodeRecord(scheme: "ECODE", code: "100012345", payload: "100012345",
                       printedAt: "2025-03-01T08:00:01.000+08:00", line: "LINE 2", verification: .unverified),
        ],
        voids: [VoidRecord(scheme: "GS1", code: "https://id.gs1.org/01/06901234567892/21/A0", voidedAt: "2025-03-01T07:59:00.000+08:00",
                           reason: "smudged", replacedBy: "https://id.gs1.org/01/06901234567892/21/A1")],
        shipments: [Shipment(id: "S1", consigneeUSCC: "91310000MA1FL5Q06M", consigneeName: "上海示例商贸有限公司",
                             date: "2025-03-02", quantity: 2, unit: "PCS")])

    @Test("Each code, void and shipment is one event, with the fields CBV asks for and its hash as eventID")
    func eventContent() throws {
        let bytes = try Self.exporter.document(for: Self.sample, createdAt: Self.createdAt)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(document["@context"] as? [String] == [EPCISExporter.context])
        #expect(document["type"] as? String == "EPCISDocument")
        #expect(document["schemaVersion"] as? String == "2.0")
        #expect(document["creationDate"] as? String == Self.createdAt)
        let events = try #require((document["epcisBody"] as? [String: Any])?["eventList"] as? [[String: Any]])
        #expect(events.count == 4)
        let commissioned = events[0]
        #expect(commissioned["action"] as? String == "ADD")
        #expect(commissioned["bizStep"] as? String == "commissioning")
        #expect(commissioned["disposition"] as? String == "active")
        #expect(commissioned["epcList"] as? [String] == ["https://id.gs1.org/01/06901234567892/21/A1"])
        #expect(commissioned["eventTimeZoneOffset"] as? String == "+08:00")
        #expect((commissioned["readPoint"] as? [String: String])?["id"] == "https://id.gs1.org/414/6901234000016/254/LINE1")
        #expect((commissioned["bizLocation"] as? [String: String])?["id"] == "https://id.gs1.org/414/6901234000016")
        #expect(commissioned["ilmd"] as? [String: String] == ["cbvmda:lotNumber": "B20250301", "cbvmda:productionDate": "2025-03-01"])
        #expect(events[1]["epcList"] as? [String] == ["https://ecode.example.cn/100012345"])
        #expect((events[1]["readPoint"] as? [String: String])?["id"] == "https://id.gs1.org/414/6901234000016/254/LINE%202")
        #expect(events[2]["action"] as? String == "DELETE")
        #expect(events[2]["bizStep"] as? String == "decommissioning")
        #expect(events[2]["disposition"] as? String == "inactive")
        #expect(events[2]["ilmd"] == nil)
        #expect(events[3]["action"] as? String == "OBSERVE")
        #expect(events[3]["bizStep"] as? String == "shipping")
        #expect(events[3]["destinationList"] as? [[String: String]] == [["type": "owning_party", "destination": "urn:uscc:91310000MA1FL5Q06M"]])

        let trees = try #require(try JSONTree.parse(bytes, subject: "export").eventList)
        for tree in trees {
            guard case .object(var fields) = tree, case .string(let id) = fields["eventID"] else {
                Issue.record("an event without eventID")
                continue
            }
            fields["eventID"] = nil
            #expect(id == CBVEventHash.eventID(of: .object(fields)))
        }
        #expect(Set(events.compactMap { $0["eventID"] as? String }).count == events.count)
    }

    @Test("The same report gives the same bytes, in memory and in a file")
    func deterministic() async {
        await propertyCheck(count: 30, input: ReportSamples.report) { report in
            let bytes = try Self.exporter.document(for: report, createdAt: Self.createdAt)
            #expect(try Self.exporter.document(for: report, createdAt: Self.createdAt) == bytes)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("epcis-\(UUID().uuidString).jsonld").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Self.exporter.write(report, createdAt: Self.createdAt, to: path)
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
            #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        }
    }

    @Test("A code with no URI form, or a time without an offset, is refused with its name")
    func refusals() {
        var settings = ReportingProfile.embeddedDefault.epcis
        settings.codeURITemplates = [:]
        let error = #expect(throws: ReportingError.self) {
            try EPCISExporter(settings: settings).document(for: Self.sample, createdAt: Self.createdAt)
        }
        #expect(error == ReportingError("ECODE code 100012345", .noURIForm(scheme: "ECODE")))
        var report = Self.sample
        report.codes[0].printedAt = "2025-03-01 08:00"
        let timeError = #expect(throws: ReportingError.self) { try Self.exporter.document(for: report, createdAt: Self.createdAt) }
        #expect(timeError?.subject == "code https://id.gs1.org/01/06901234567892/21/A1")
    }
}

private extension JSONTree {
    var eventList: [JSONTree]? {
        guard case .object(let document) = self, case .object(let body) = document["epcisBody"],
              case .array(let events) = body["eventList"] else { return nil }
        return events
    }
}

@Suite struct EPCListURITests {
    /// CBV 2.0 identifies an item by GTIN and serial on the reference domain; the label's own
    /// link may carry a lot, a data attribute and the brand's domain.
    @Test(arguments: [
        "https://id.gs1.org/01/06901234567892/10/L20261129/21/A1B2?11=261129",
        "https://brand.example.cn/path/01/06901234567892/21/A1B2",
        "https://id.gs1.org/01/06901234567892/21/A1B2",
    ])
    func aGS1LinkBecomesTheCanonicalInstanceIdentifier(link: String) throws {
        let settings = ReportingProfile.embeddedDefault.epcis
        #expect(try settings.uri(scheme: "GS1", code: link) == "https://id.gs1.org/01/06901234567892/21/A1B2")
    }
}
