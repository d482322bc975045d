import PropertyBased
import Testing
@testable import Symbology

@Suite("Code 128 and GS1-128")
struct Code128Tests {
    /// Random ASCII with long digit runs mixed in, so all three code sets and shifts get used.
    static let asciiData = Gen.oneOf(
        Gen<UInt8>.value(in: 0...127).array(of: 1...6),
        Gen<UInt8>.value(in: 0x30...0x39).array(of: 1...9),
        Gen<UInt8>.value(in: 0x60...0x7F).array(of: 1...3)
    ).array(of: 1...8).map { Array($0.joined()) }

    static let printableData = Gen.oneOf(
        Gen<UInt8>.value(in: 32...126).array(of: 1...6),
        Gen<UInt8>.value(in: 0x30...0x39).array(of: 1...9)
    ).array(of: 1...8).map { Array($0.joined()) }

    @Test("every symbol pattern is 11 modules with an even number of bar modules; stop is 13")
    func patternTable() {
        #expect(Code128.patterns.count == 107)
        for (value, widths) in Code128.patterns.enumerated() {
            let bars = stride(from: 0, to: widths.count, by: 2).map { widths[$0] }.reduce(0, +)
            #expect(widths.reduce(0, +) == (value == 106 ? 13 : 11))
            #expect(bars.isMultiple(of: 2))
        }
        #expect(Set(Code128.patterns).count == 107)
    }

    @Test("\"Wikipedia\" is start B, nine set B values and check value 88")
    func wikipedia() throws {
        let values = try Code128.symbolValues(for: Array("Wikipedia".utf8))
        #expect(values == [104, 55, 73, 75, 73, 80, 69, 68, 73, 65, 88, 106])
    }

    @Test("\"RI476394652CH\" keeps the odd first digit in B, then packs the rest in C and returns to B")
    func postalItem() throws {
        let values = try Code128.symbolValues(for: Array("RI476394652CH".utf8))
        #expect(values == [104, 50, 41, 20, 99, 76, 39, 46, 52, 100, 35, 40, 26, 106])
    }

    @Test("all-digit data starts in C")
    func digitsStartInC() throws {
        #expect(try Code128.symbolValues(for: Array("12345678".utf8)) == [105, 12, 34, 56, 78, 47, 106])
    }

    @Test("one lower-case letter among control characters is shifted rather than changing set")
    func shift() throws {
        let values = try Code128.symbolValues(for: [0x09, 0x61, 0x0A])
        #expect(Array(values.dropLast(2)) == [103, 73, 98, 65, 74])
    }

    @Test("GS1-128 puts FNC1 after the start character and turns GS into FNC1")
    func gs1() throws {
        let data = Array("0109501101530003".utf8) + Array("10AB-12".utf8) + [0x1D] + Array("21X".utf8)
        let values = try Code128.symbolValues(for: data, gs1: true)
        #expect(Array(values.prefix(11)) == [105, 102, 1, 9, 50, 11, 1, 53, 0, 3, 10])
        let reading = try Code128Reader.read(Code128.pattern(for: data, gs1: true))
        #expect(reading.isGS1)
        #expect(reading.data == data)
    }

    @Test("random ASCII reads back from the bars, with a valid check value")
    func roundTrip() async {
        await propertyCheck(count: 300, input: Self.asciiData) { data in
            let pattern = try Code128.pattern(for: data)
            let reading = try Code128Reader.read(pattern)
            #expect(reading.data == data)
            #expect(!reading.isGS1)
            #expect(pattern.modules.count == 11 * (reading.values.count - 1) + 13)
        }
    }

    @Test("random GS1 data reads back with FNC1 first and GS kept as separator")
    func gs1RoundTrip() async {
        let elements = Self.printableData.array(of: 1...3).map { Array($0.joined(separator: [0x1D])) }
        await propertyCheck(count: 200, input: elements) { data in
            let reading = try Code128Reader.read(Code128.pattern(for: data, gs1: true))
            #expect(reading.data == data)
            #expect(reading.isGS1)
        }
    }

    @Test("the chosen encoding is never longer than all of it in set B")
    func neverLongerThanSetB() async {
        await propertyCheck(count: 300, input: Self.printableData) { data in
            let values = try Code128.symbolValues(for: data)
            #expect(values.count <= data.count + 3)
        }
    }

    @Test("a byte above 127 is refused with its position")
    func nonASCII() {
        #expect(throws: SymbologyError.invalidCharacter(
            symbology: .code128, byte: 0xC3, position: 3, allowed: "ASCII characters 0…127")
        ) {
            try Code128.symbolValues(for: Array("abcé".utf8))
        }
    }

    @Test("empty data is refused")
    func empty() {
        #expect(throws: SymbologyError.emptyData(symbology: .gs1_128)) { try Code128.symbolValues(for: [], gs1: true) }
    }
}
