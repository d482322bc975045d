import PropertyBased
import Testing
@testable import Symbology

@Suite("QR Code")
struct QRCodeTests {
    static let anyBytes = Gen<UInt8>.value(in: 0...255).array(of: 1...300)
    /// ASCII mixed with CJK ideographs, the text of Chinese trace labels.
    static let chineseText = Gen.oneOf(
        Gen.character(in: " "..."~"),
        Gen.character(in: "\u{4E00}"..."\u{9FFF}")
    ).string(of: 1...120)
    static let levels = Gen<QRErrorCorrection>.case

    /// The error correction level written in the format information beside the top-left finder
    /// (ISO/IEC 18004 7.9), or nil when the 15 bits are not a valid BCH codeword.
    static func errorCorrection(of matrix: ModuleMatrix) -> QRErrorCorrection? {
        var positions = (0...5).map { ($0, 8) } + [(7, 8), (8, 8), (8, 7)]
        positions += stride(from: 5, through: 0, by: -1).map { (8, $0) }
        let read = positions.reduce(0) { $0 << 1 | (matrix.isDark(x: $1.0, y: $1.1) ? 1 : 0) }
        for data in 0..<32 {
            var remainder = data << 10
            for bit in stride(from: 14, through: 10, by: -1) where remainder & (1 << bit) != 0 {
                remainder ^= 0x537 << (bit - 10)
            }
            if (data << 10 | remainder) ^ 0x5412 == read {
                return [QRErrorCorrection.m, .l, .h, .q][data >> 3]
            }
        }
        return nil
    }

    /// The 7×7 finder pattern with its top-left module at (x, y).
    static func hasFinder(_ matrix: ModuleMatrix, x: Int, y: Int) -> Bool {
        (0..<7).allSatisfy { dy in
            (0..<7).allSatisfy { dx in
                let ring = max(abs(dx - 3), abs(dy - 3))
                return matrix.isDark(x: x + dx, y: y + dy) == (ring != 2)
            }
        }
    }

    static func expectWellFormed(_ matrix: ModuleMatrix, level: QRErrorCorrection, minimumVersion: Int = 1) {
        #expect(matrix.size == 17 + 4 * matrix.version)
        #expect((max(1, minimumVersion)...40).contains(matrix.version))
        #expect(errorCorrection(of: matrix) == level)
        #expect(hasFinder(matrix, x: 0, y: 0))
        #expect(hasFinder(matrix, x: matrix.size - 7, y: 0))
        #expect(hasFinder(matrix, x: 0, y: matrix.size - 7))
    }

    @Test("random bytes, NUL included, give a well-formed symbol that encodes the same each time")
    func randomBytes() async {
        await propertyCheck(count: 100, input: Self.anyBytes, Self.levels) { data, level in
            let options = QROptions(errorCorrection: level)
            let matrix = try QRCode.matrix(for: data, options: options)
            Self.expectWellFormed(matrix, level: level)
            #expect(try QRCode.matrix(for: data, options: options) == matrix)
        }
    }

    @Test("random Chinese and ASCII text gives a well-formed symbol that encodes the same each time")
    func chinese() async {
        await propertyCheck(count: 100, input: Self.chineseText, Self.levels) { text, level in
            let options = QROptions(errorCorrection: level)
            let matrix = try QRCode.matrix(for: Array(text.utf8), options: options)
            Self.expectWellFormed(matrix, level: level)
            #expect(try QRCode.matrix(for: Array(text.utf8), options: options) == matrix)
        }
    }

    @Test("a minimum version is honoured, and exceeded only when the data needs it")
    func minimumVersion() throws {
        let short = try QRCode.matrix(for: Array("A1".utf8), options: QROptions(minimumVersion: 10))
        #expect(short.version == 10)
        let long = try QRCode.matrix(for: Array(repeating: 0x61, count: 500), options: QROptions(minimumVersion: 2))
        #expect(long.version > 2)
    }

    @Test("the largest symbol takes exactly its capacity at each level", arguments: QRErrorCorrection.allCases)
    func capacity(_ level: QRErrorCorrection) throws {
        let options = QROptions(errorCorrection: level)
        let (bytes, digits) = level.capacity
        #expect(try QRCode.matrix(for: Array(repeating: 0x61, count: bytes), options: options).version == 40)
        #expect(try QRCode.matrix(for: Array(repeating: 0x37, count: digits), options: options).version == 40)
        #expect(throws: SymbologyError.payloadTooLong(
            length: bytes + 1, errorCorrection: level, byteCapacity: bytes, digitCapacity: digits)
        ) {
            try QRCode.matrix(for: Array(repeating: 0x61, count: bytes + 1), options: options)
        }
    }

    @Test("8000 bytes at level H are refused, naming the length and the capacity")
    func tooLong() {
        let error = #expect(throws: SymbologyError.self) {
            try QRCode.matrix(for: Array(repeating: 0xE6, count: 8000), options: QROptions(errorCorrection: .h))
        }
        #expect(error == .payloadTooLong(length: 8000, errorCorrection: .h, byteCapacity: 1273, digitCapacity: 3057))
        #expect(error?.description.contains("8000 bytes") == true)
        #expect(error?.description.contains("1273 bytes") == true)
    }

    @Test("versions outside 0…40 and empty data are refused")
    func badInput() {
        #expect(throws: SymbologyError.invalidVersion(41)) {
            try QRCode.matrix(for: [0x41], options: QROptions(minimumVersion: 41))
        }
        #expect(throws: SymbologyError.invalidVersion(-1)) {
            try QRCode.matrix(for: [0x41], options: QROptions(minimumVersion: -1))
        }
        #expect(throws: SymbologyError.emptyData(symbology: .qr)) { try QRCode.matrix(for: []) }
    }
}
