import Testing
@testable import TraceCodes

@Test("A valid GTIN-14 is accepted")
func validGTIN14() throws {
    #expect(try GTIN("06901234567892").gtin14 == "06901234567892")
}
