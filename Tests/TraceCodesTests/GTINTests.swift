import PropertyBased
import Testing
@testable import TraceCodes

@Suite("GTIN check digits")
struct GTINTests {
    @Test("Real GTINs of every length are accepted", arguments: [
        "06901234567892",  // GS1 China example, GTIN-14
        "6901234567892",   // the same as EAN-13
        "4006381333931",   // EAN-13 from the GS1 check digit calculator
        "036000291452",    // UPC-A
        "96385074",        // EAN-8
    ])
    func acceptsRealGTINs(_ text: String) throws {
        #expect(try GTIN(text).digits == text)
    }

    @Test("A wrong check digit names the digit found and the digit expected")
    func rejectsWrongCheckDigit() {
        let error = #expect(throws: TraceCodeError.self) { try GTIN("06901234567893") }
        #expect(error?.rule == .checkDigit(found: "3", expected: "2"))
        #expect(error?.description == "GTIN 06901234567893: check digit is 3, expected 2")
    }

    @Test("Lengths other than 8, 12, 13 and 14 are rejected", arguments: ["1234567", "12345678901", "123456789012345"])
    func rejectsOtherLengths(_ text: String) {
        let error = #expect(throws: TraceCodeError.self) { try GTIN(text) }
        #expect(error?.rule == .wrongLength(found: text.count, expected: [8, 12, 13, 14]))
    }

    @Test("A non-digit is reported with its position")
    func rejectsLetters() {
        let error = #expect(throws: TraceCodeError.self) { try GTIN("0690123456789A") }
        #expect(error?.rule == .character("A", position: 14, allowedSet: "digits 0-9"))
    }

    @Test("Every length normalises to GTIN-14 with leading zeros")
    func normalisesToGTIN14() throws {
        #expect(try GTIN("6901234567892").gtin14 == "06901234567892")
        #expect(try GTIN("036000291452").gtin14 == "00036000291452")
        #expect(try GTIN("96385074").gtin14 == "00000096385074")
    }

    @Test("A body is completed with its computed check digit")
    func completesBody() throws {
        #expect(try GTIN(body: "0690123456789").digits == "06901234567892")
        #expect(try GTIN(body: "400638133393").digits == "4006381333931")
        #expect(GS1CheckDigit.compute(for: "10614141123456789") == "7")  // SSCC from the GS1 General Specifications
    }

    @Test("Changing any one digit of a valid GTIN is always caught")
    func singleDigitCorruptionIsCaught() async {
        await propertyCheck(count: 300, input: Gen.number.string(of: 13), Gen.int(in: 0...13), Gen.int(in: 1...9)) { body, position, shift in
            let valid = try GTIN(body: body).digits
            var digits = Array(valid)
            let old = Int(digits[position].asciiValue! - 48)
            digits[position] = Character(String((old + shift) % 10))
            #expect(throws: TraceCodeError.self) { try GTIN(String(digits)) }
        }
    }
}
