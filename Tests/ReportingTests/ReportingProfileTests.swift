import Foundation
import Reporting
import Testing

@Suite("Reporting profile")
struct ReportingProfileTests {
    static let sample = ReportSamples.repository.appendingPathComponent("config/reporting.yaml").path

    @Test("The sample config/reporting.yaml loads and is the embedded default")
    func sampleIsTheDefault() throws {
        let profile = try ReportingProfile.load(path: Self.sample)
        #expect(profile == ReportingProfile.embeddedDefault)
        #expect(profile.platform.endpoint.absoluteString == "http://127.0.0.1:8790/reports")
        #expect(profile.platform.chunkCodes == 1000)
        #expect(profile.platform.concurrency == 4)
        #expect(profile.platform.tokenVariable == "TRACESTATION_PLATFORM_TOKEN")
        #expect(profile.platform.secretVariable == "TRACESTATION_PLATFORM_SECRET")
        #expect(profile.platform.fieldMapping.isIdentity)
        #expect(try profile.product(gtin: "06901234567892").name == "示例电热水壶")
        #expect(try profile.product(gtin: "6901234567892").gtin == "06901234567892")
        #expect(profile.epcis.readPoint(line: "LINE 1") == "https://id.gs1.org/414/6901234000016/254/LINE%201")
    }

    @Test("A missing product names the GTIN and the products known")
    func unknownProduct() {
        #expect(throws: ReportingError("GTIN 06901234567809",
                                       .unknownProduct(gtin: "06901234567809", known: ["06901234567885", "06901234567892"]))) {
            try ReportingProfile.embeddedDefault.product(gtin: "06901234567809")
        }
    }

    @Test("A profile path given explicitly must exist")
    func missingFile() {
        let error = #expect(throws: ReportingError.self) { try ReportingProfile.load(path: "nowhere/reporting.yaml") }
        #expect(error?.subject == "nowhere/reporting.yaml")
        #expect(error?.description.contains("cannot be read") == true)
    }

    /// Each bad input, the line and key the error must name, and a word of its rule.
    static let badProfiles: [(old: String, new: String, subject: String, rule: String)] = [
        ("913301005862013785", "913301005862013786",
         "test.yaml:5 producer.uscc", "check character is 6, expected 5"),
        ("\"06901234567885\":", "\"06901234567886\":",
         "test.yaml:22 products.06901234567886", "check digit"),
        ("\"06901234567885\":", "\"6901234567885\":",
         "test.yaml:22 products.6901234567885", "GTIN-14"),
        ("chunk_codes: 1000", "chunk_codes: 20000",
         "test.yaml:32 platform.chunk_codes", "from 1 to 10000"),
        ("endpoint: http://127.0.0.1:8790/reports", "endpoint: ftp://x/reports",
         "test.yaml:31 platform.endpoint", "not an http or https URL"),
        ("  chunk_codes:", "  chunk_code: 5\n  chunk_codes:",
         "test.yaml:32 platform.chunk_code", "unknown key 'chunk_code'"),
        ("XK16-205-01234\"]", "XK16-205-0123\"]",
         "test.yaml:8 producer.production_licences.0", "XKNN-NNN-NNNNN"),
        ("[\"2024010901123456\"]", "[\"202401090112345\"]",
         "test.yaml:9 producer.ccc_certificates.0", "length is 15"),
        ("read_point: https://id.gs1.org/414/6901234000016/254/{line}", "read_point: /254/{line}",
         "test.yaml:44 epcis.read_point", "absolute URI"),
        ("field_mapping: {}", "field_mapping: { producer.uscc: producer.name }",
         "test.yaml:41 platform.field_mapping", "'producer.name' and 'producer.uscc' would both be sent as 'producer.name'"),
        ("field_mapping: {}", "field_mapping: { producer.credit: x }",
         "test.yaml:41 platform.field_mapping producer.credit", "not a field of the report"),
        ("  name: 杭州示例电器有限公司\n", "",
         "test.yaml:4 producer", "the key 'name' is required"),
    ]

    @Test("A bad value is refused with the file, line, key and rule", arguments: badProfiles.indices)
    func badValue(index: Int) throws {
        let bad = Self.badProfiles[index]
        let original = try String(contentsOfFile: Self.sample, encoding: .utf8)
        #expect(original.contains(bad.old))
        let text = original.replacingOccurrences(of: bad.old, with: bad.new)
        let error = #expect(throws: ReportingError.self) { try ReportingProfile(yaml: text, file: "test.yaml") }
        #expect(error?.subject == bad.subject)
        #expect(error?.description.contains(bad.rule) == true, "\(error.map(String.init(describing:)) ?? "no error")")
    }
}
