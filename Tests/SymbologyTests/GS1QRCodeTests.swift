import PropertyBased
import Testing
@testable import Symbology

@Suite("GS1 QR Code")
struct GS1QRCodeTests {
    static let cset82 = Array("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".utf8)
    /// Element-string-like data: CSET 82 runs joined by single GS separators.
    static let gs1Data = Gen<UInt8?>.element(of: cset82).map { $0! }.array(of: 1...40).array(of: 1...4)
        .map { Array($0.joined(separator: [0x1D])) }
    static let sample = Array("010690123456789210LOT42\u{1D}21SN0001".utf8)

    @Test("random GS1 data gives a well-formed symbol at every level, the same each time")
    func wellFormed() async {
        await propertyCheck(count: 100, input: Self.gs1Data, Gen<QRErrorCorrection>.case) { data, level in
            let options = QROptions(errorCorrection: level)
            let matrix = try QRCode.matrix(for: data, options: options, gs1: true)
            QRCodeTests.expectWellFormed(matrix, level: level)
            #expect(try QRCode.matrix(for: data, options: options, gs1: true) == matrix)
        }
    }

    @Test("a minimum version is honoured at every version from 1 to 40")
    func minimumVersion() throws {
        let smallest = try QRCode.matrix(for: Self.sample, gs1: true).version
        for version in 1...40 {
            let matrix = try QRCode.matrix(for: Self.sample, options: QROptions(minimumVersion: version), gs1: true)
            #expect(matrix.version == max(version, smallest))
        }
    }

    @Test("the smallest version that fits is chosen", arguments: QRErrorCorrection.allCases)
    func smallestVersion(_ level: QRErrorCorrection) throws {
        let matrix = try QRCode.matrix(for: Self.sample, options: QROptions(errorCorrection: level), gs1: true)
        let smaller = QRVersion(matrix.version - 1)
        let bits = QRSegment.gs1Segments(for: Self.sample, in: smaller).reduce(0) { $0 + $1.bitCount(in: smaller) }
        #expect(bits > QRBlockLayout(version: smaller, errorCorrection: level).dataCodewords * 8)
    }

    @Test("the largest symbol takes exactly its GS1 capacity at each level", arguments: QRErrorCorrection.allCases)
    func capacity(_ level: QRErrorCorrection) throws {
        let options = QROptions(errorCorrection: level)
        let (bytes, digits) = QRCode.gs1Capacity(level)
        // The FNC1 indicator costs 4 bits: a byte only where the plain capacity had 4 to spare.
        #expect(bytes == level.capacity.bytes)
        #expect(digits == level.capacity.digits - 2 || digits == level.capacity.digits - 1)
        #expect(try QRCode.matrix(for: Array(repeating: 0x61, count: bytes), options: options, gs1: true).version == 40)
        #expect(try QRCode.matrix(for: Array(repeating: 0x37, count: digits), options: options, gs1: true).version == 40)
        #expect(throws: SymbologyError.gs1DataTooLong(
            length: digits + 1, errorCorrection: level, byteCapacity: bytes, digitCapacity: digits)
        ) {
            try QRCode.matrix(for: Array(repeating: 0x37, count: digits + 1), options: options, gs1: true)
        }
    }

    @Test("too long GS1 data is refused, naming its length and the capacity")
    func tooLong() {
        let data = Array(repeating: Array("21abcdefghijklmnopqrst".utf8), count: 100).joined(separator: [0x1D])
        let error = #expect(throws: SymbologyError.self) {
            try QRCode.matrix(for: Array(data), options: QROptions(errorCorrection: .h), gs1: true)
        }
        #expect(error == .gs1DataTooLong(length: 2299, errorCorrection: .h, byteCapacity: 1273, digitCapacity: 3055))
        #expect(error?.description.hasPrefix("gs1-qr: 2299 characters") == true)
        #expect(error?.description.contains("1273 characters (3055 if digits only)") == true)
    }

    @Test(
        "bytes outside GS1 data are refused with their position",
        arguments: [
            ("10AB C", 0x20, 4), ("10Ä", 0xC3, 2), ("10A\n", 0x0A, 3), ("10A~", 0x7E, 3),
            ("\u{1D}10A", 0x1D, 0), ("10A\u{1D}", 0x1D, 3), ("10A\u{1D}\u{1D}21B", 0x1D, 4),
        ] as [(String, UInt8, Int)]
    )
    func invalidCharacters(_ text: String, byte: UInt8, position: Int) {
        let error = #expect(throws: SymbologyError.self) { try QRCode.matrix(for: Array(text.utf8), gs1: true) }
        guard case .invalidCharacter(.gs1QR, byte, position, let allowed) = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(allowed.contains(byte == 0x1D ? "between two elements" : "CSET 82"))
    }

    @Test("empty data and versions outside 0…40 are refused")
    func badInput() {
        #expect(throws: SymbologyError.emptyData(symbology: .gs1QR)) { try QRCode.matrix(for: [], gs1: true) }
        #expect(throws: SymbologyError.invalidVersion(41)) {
            try QRCode.matrix(for: Self.sample, options: QROptions(minimumVersion: 41), gs1: true)
        }
    }

    @Test("the symbol differs from plain QR of the same data, which has no FNC1")
    func differsFromPlain() throws {
        #expect(try QRCode.matrix(for: Self.sample, gs1: true) != QRCode.matrix(for: Self.sample))
    }
}
