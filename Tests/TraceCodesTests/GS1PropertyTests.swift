import PropertyBased
import Testing
@testable import TraceCodes

/// Random valid item codes survive every text form unchanged.
@Suite("GS1 round trips")
struct GS1PropertyTests {
    static let cset82 = Gen<Character?>.element(of: Array(GS1CharacterSet.cset82Characters)).map { $0! }
    static let value = cset82.string(of: 1...20)
    static let gtinBody = Gen.number.string(of: 13)
    static let date = zip(Gen.int(in: 0...99), Gen.int(in: 1...12), Gen.int(in: 0...28)).map { year, month, day in
        [year, month, day].map { String($0).leftPadded(to: 2) }.joined()
    }

    private func code(_ body: String, _ lot: String, _ serial: String, _ date: String) throws -> GS1ElementString {
        try GS1ElementString([
            GS1Element(ai: "01", value: GTIN(body: body).digits),
            GS1Element(ai: "17", value: date),
            GS1Element(ai: "10", value: lot),
            GS1Element(ai: "21", value: serial),
        ])
    }

    @Test("Bracketed text parses back to the same element string")
    func bracketedRoundTrip() async {
        await propertyCheck(count: 300, input: Self.gtinBody, Self.value, Self.value, Self.date) { body, lot, serial, date in
            let original = try code(body, lot, serial, date)
            #expect(try GS1ElementString(bracketed: original.bracketed) == original)
        }
    }

    @Test("Symbol data parses back to the same element string")
    func symbolDataRoundTrip() async {
        await propertyCheck(count: 300, input: Self.gtinBody, Self.value, Self.value, Self.date) { body, lot, serial, date in
            let original = try code(body, lot, serial, date)
            #expect(try GS1ElementString(symbolData: "]Q3" + original.symbolData()) == original)
        }
    }

    @Test("A Digital Link parses back to the same elements")
    func digitalLinkRoundTrip() async {
        await propertyCheck(count: 300, input: Self.gtinBody, Self.value, Self.value, Self.date) { body, lot, serial, date in
            let original = try code(body, lot, serial, date)
            let parsed = try GS1ElementString(digitalLink: original.digitalLink())
            #expect(Set(parsed.elements) == Set(original.elements))
            #expect(parsed.elements.count == original.elements.count)
        }
    }

    @Test("Percent-encoding round-trips any text")
    func percentEncodingRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.latin1.string(of: 0...30)) { text in
            let encoded = PercentEncoding.encode(text)
            #expect(encoded.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~%".contains($0)) })
            #expect(PercentEncoding.decode(encoded) == text)
        }
    }
}
