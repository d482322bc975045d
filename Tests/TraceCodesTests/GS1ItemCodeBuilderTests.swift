import Testing
@testable import TraceCodes

@Suite("GS1 item code builder")
struct GS1ItemCodeBuilderTests {
    @Test("A builder produces the three output forms of one item")
    func rendersForms() throws {
        let builder = try GS1ItemCodeBuilder(gtin: "6901234567892", lot: "B20250301", productionDate: "250301")
        let code = try builder.code(serial: "A0001")
        #expect(try GS1OutputForm.bracketed.render(code) == "(01)06901234567892(11)250301(10)B20250301(21)A0001")
        #expect(try GS1OutputForm.symbolData.render(code) == "010690123456789211250301" + "10B20250301\u{1D}21A0001")
        #expect(try GS1OutputForm.digitalLink(domain: GS1DigitalLink.defaultDomain).render(code) ==
            "https://id.gs1.org/01/06901234567892/10/B20250301/21/A0001?11=250301")
    }

    @Test("Bad batch-wide inputs are named when the builder is made", arguments: [
        ("06901234567893", "L1", nil as String?, "GTIN 06901234567893: check digit is 3, expected 2"),
        ("06901234567892", "A B", nil, #"AI (10) "A B": character ' ' at position 2 is not in CSET 82"#),
        ("06901234567892", String(repeating: "L", count: 21), nil, #"AI (10) "LLLLLLLLLLLLLLLLLLLLL": length is 21, expected 1 to 20"#),
        ("06901234567892", "L1", "250231", #"AI (11) "250231": day 31 does not exist in month 02 of year 25 (last day 28)"#),
    ])
    func namesBadInputs(_ gtin: String, _ lot: String, _ date: String?, _ message: String) {
        let error = #expect(throws: TraceCodeError.self) { try GS1ItemCodeBuilder(gtin: gtin, lot: lot, productionDate: date) }
        #expect(error?.description == message)
    }

    @Test("A bad serial is refused per item")
    func refusesBadSerial() throws {
        let builder = try GS1ItemCodeBuilder(gtin: "06901234567892", lot: "L1")
        #expect(throws: TraceCodeError.self) { try builder.code(serial: "") }
        #expect(throws: TraceCodeError.self) { try builder.code(serial: "é") }
    }
}
