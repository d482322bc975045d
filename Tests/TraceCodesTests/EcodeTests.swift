import Foundation
import Testing
@testable import TraceCodes

@Suite("Ecode")
struct EcodeTests {
    @Test("The bundled table loads and says it is unverified")
    func bundledTableIsMarkedUnverified() throws {
        let table = try EcodeTable.bundled()
        #expect(table.verified == false)
        #expect(table.standard == "GB/T 31866-2015")
        #expect(table.note.contains("confirm") || table.note.contains("Confirm"))
        #expect(table.versions.map(\.version) == ["1", "2", "3", "4"])
        #expect(table.spec(forVersion: "3")?.nsiLength == 5)
    }

    @Test("Codes are split into version, NSI and master data by the table")
    func splitsCode() throws {
        let ecode = try Ecode("10001123456789", table: EcodeTable.bundled())
        #expect(ecode.version == "1")
        #expect(ecode.nsi == "0001")
        #expect(ecode.masterData == "123456789")
        #expect(ecode.description == "10001123456789")
    }

    @Test("Codes that break the table are refused with the part named", arguments: [
        ("", TraceCodeError.Rule.empty),
        ("5123", .syntax("version '5' is not in the Ecode table (known: 1, 2, 3, 4)")),
        ("100", .syntax("NSI of Ecode-V1 needs 4 digits, found 2")),
        ("10001", .syntax("master data (MD) after the NSI is empty")),
        ("1000" + "A1", .character("A", position: 5, allowedSet: "digits 0-9 (NSI)")),
        ("10001" + "12A", .character("A", position: 8, allowedSet: "digits 0-9 (MD of Ecode-V1)")),
        ("10001" + String(repeating: "1", count: 21), .lengthOutOfRange(found: 21, allowed: 1...20)),
    ])
    func refusesBadCodes(_ text: String, _ rule: TraceCodeError.Rule) throws {
        let table = try EcodeTable.bundled()
        let error = #expect(throws: TraceCodeError.self) { try Ecode(text, table: table) }
        #expect(error?.rule == rule)
    }

    @Test("A replacement table is loaded from a file and enforced instead")
    func loadsReplacementTable() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecode-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("""
            {"verified": true, "standard": "GB/T 31866-2023", "note": "confirmed",
             "versions": [{"version": "0", "nsiLength": 3, "masterDataMaxLength": 5, "charset": "upperAlphanumeric"}]}
            """.utf8).write(to: url)
        let table = try EcodeTable(contentsOf: url)
        #expect(table.verified)
        #expect(try Ecode("0123AB9", table: table).masterData == "AB9")
        #expect(throws: TraceCodeError.self) { try Ecode("0123ab9", table: table) }
        #expect(throws: TraceCodeError.self) { try Ecode("10001123", table: table) }
    }

    @Test("Broken tables are refused", arguments: [
        "not json",
        #"{"verified": false, "standard": "x", "note": "x", "versions": [{"version": "12", "nsiLength": 4, "masterDataMaxLength": 2, "charset": "digits"}]}"#,
        #"{"verified": false, "standard": "x", "note": "x", "versions": [{"version": "1", "nsiLength": 4, "masterDataMaxLength": 2, "charset": "digits"}, {"version": "1", "nsiLength": 4, "masterDataMaxLength": 2, "charset": "digits"}]}"#,
        #"{"verified": false, "standard": "x", "note": "x", "versions": [{"version": "1", "nsiLength": 4, "masterDataMaxLength": 2, "charset": "emoji"}]}"#,
    ])
    func refusesBrokenTables(_ json: String) {
        #expect(throws: TraceCodeError.self) { try EcodeTable(json: Data(json.utf8)) }
    }

    @Test("A missing table file is reported with its path")
    func reportsMissingFile() {
        let error = #expect(throws: TraceCodeError.self) { try EcodeTable(contentsOf: URL(fileURLWithPath: "/nonexistent/ecode.json")) }
        #expect(error?.subject == "Ecode table /nonexistent/ecode.json")
    }

    @Test("Payloads are the plain code or a URL from the configured template")
    func buildsPayloads() throws {
        let ecode = try Ecode("10001123456789", table: EcodeTable.bundled())
        #expect(EcodePayloadForm.plain.payload(for: ecode) == "10001123456789")
        let template = try EcodeURLTemplate(base: "https://resolver.example.cn/e/")
        #expect(EcodePayloadForm.url(template).payload(for: ecode) == "https://resolver.example.cn/e/10001123456789")
        let query = try EcodeURLTemplate(template: "{base}?code={ecode}", base: "https://r.example.cn")
        #expect(query.url(for: ecode) == "https://r.example.cn?code=10001123456789")
        #expect(throws: TraceCodeError.self) { try EcodeURLTemplate(template: "{base}/", base: "https://r.example.cn") }
        #expect(throws: TraceCodeError.self) { try EcodeURLTemplate(base: "r.example.cn") }
    }
}
