import PropertyBased
import Testing
@testable import Symbology

@Suite("EAN-13 and UPC-A")
struct EAN13Tests {
    /// Reads 95 modules back to 13 digits: guards, left digits by parity, first digit from the parities.
    static func read(_ modules: [Bool]) -> [Int]? {
        let bits = modules.map { $0 ? "1" : "0" }.joined()
        guard bits.count == 95, bits.hasPrefix("101"), bits.hasSuffix("101") else { return nil }
        let chars = Array(bits)
        guard String(chars[45..<50]) == "01010" else { return nil }
        let right = ["1110010", "1100110", "1101100", "1000010", "1011100",
                     "1001110", "1010000", "1000100", "1001000", "1110100"]
        let odd = right.map { String($0.map { $0 == "1" ? "0" : "1" }) }
        let even = right.map { String($0.reversed()) }
        var digits: [Int] = []
        var parity = ""
        for index in 0..<6 {
            let code = String(chars[3 + 7 * index..<10 + 7 * index])
            if let digit = odd.firstIndex(of: code) { digits.append(digit); parity += "O" }
            else if let digit = even.firstIndex(of: code) { digits.append(digit); parity += "E" }
            else { return nil }
        }
        for index in 0..<6 {
            guard let digit = right.firstIndex(of: String(chars[50 + 7 * index..<57 + 7 * index])) else { return nil }
            digits.append(digit)
        }
        let parities = ["OOOOOO", "OOEOEE", "OOEEOE", "OOEEEO", "OEOOEE",
                        "OEEOOE", "OEEEOO", "OEOEOE", "OEOEEO", "OEEOEO"]
        guard let first = parities.firstIndex(of: parity) else { return nil }
        return [first] + digits
    }

    @Test("4006381333931 has the published bar pattern")
    func knownPattern() throws {
        let pattern = try EAN13.pattern(for: Array("400638133393".utf8))
        let expected = "101" + "0001101" + "0100111" + "0101111" + "0111101" + "0001001" + "0110011" + "01010"
            + "1000010" + "1000010" + "1000010" + "1110100" + "1000010" + "1100110" + "101"
        #expect(pattern.modules.map { $0 ? "1" : "0" }.joined() == expected)
        #expect(pattern.leadingQuietZone == 11 && pattern.trailingQuietZone == 7)
    }

    @Test("12 random digits read back with the check digit appended")
    func roundTrip() async {
        await propertyCheck(count: 300, input: Gen<UInt8>.value(in: 0x30...0x39).array(of: 12)) { data in
            let pattern = try EAN13.pattern(for: data)
            let digits = try #require(Self.read(pattern.modules))
            #expect(Array(digits.prefix(12)) == data.map { Int($0 - 0x30) })
            #expect(try EAN13.pattern(for: data + [UInt8(digits[12]) + 0x30]) == pattern)
        }
    }

    @Test("UPC-A 036000291452 is the EAN-13 symbol 0036000291452 with 9-module quiet zones")
    func upcA() throws {
        let upc = try UPCA.pattern(for: Array("03600029145".utf8))
        let ean = try EAN13.pattern(for: Array("0036000291452".utf8))
        #expect(upc.modules == ean.modules)
        #expect(upc.leadingQuietZone == 9 && upc.trailingQuietZone == 9)
        #expect(try UPCA.completed(Array("03600029145".utf8)).last == 2)
    }

    @Test("a letter is refused, naming it and its position")
    func letter() {
        let error = #expect(throws: SymbologyError.self) { try EAN13.pattern(for: Array("40063813339A1".utf8)) }
        #expect(error == .invalidCharacter(symbology: .ean13, byte: 0x41, position: 11, allowed: "digits 0…9"))
        #expect(error?.description.contains("'A'") == true)
        #expect(error?.description.contains("position 11") == true)
    }

    @Test("a wrong check digit is refused with the right one")
    func wrongCheckDigit() {
        #expect(throws: SymbologyError.checkDigitMismatch(
            symbology: .ean13, data: "4006381333932", expected: 1, found: 2)
        ) {
            try EAN13.pattern(for: Array("4006381333932".utf8))
        }
        #expect(throws: SymbologyError.checkDigitMismatch(
            symbology: .upca, data: "036000291453", expected: 2, found: 3)
        ) {
            try UPCA.pattern(for: Array("036000291453".utf8))
        }
    }

    @Test("lengths other than 12 or 13 digits are refused", arguments: ["4006", "40063813339311", "1"])
    func wrongLength(_ data: String) {
        #expect(throws: SymbologyError.invalidLength(
            symbology: .ean13, length: data.count,
            allowed: "give 12 digits (check digit computed) or 13 (check digit verified)")
        ) {
            try EAN13.pattern(for: Array(data.utf8))
        }
    }
}
