import Testing
@testable import Symbology

@Suite("Reed–Solomon and data codewords")
struct ReedSolomonTests {
    /// ISO/IEC 18004 annex I: "01234567" as a version 1-M symbol. Mode 0001, count 0000001000,
    /// then 012 345 67 in 10, 10 and 7 bits, the terminator and padding.
    static let annexData: [UInt8] = [
        0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
    ]
    static let annexErrorCorrection: [UInt8] = [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]

    @Test("\"01234567\" in numeric mode gives the data codewords of the ISO 18004 annex I example")
    func annexDataCodewords() {
        let version = QRVersion(1)
        let layout = QRBlockLayout(version: version, errorCorrection: .m)
        let segment = QRSegment.numeric(Array("01234567".utf8))
        #expect(QRSegment.dataCodewords(for: [segment], in: version, capacity: layout.dataCodewords) == Self.annexData)
    }

    @Test("the error correction codewords match the ISO 18004 annex I example")
    func annexErrorCorrectionCodewords() {
        #expect(ReedSolomon(degree: 10).errorCorrection(for: Self.annexData) == Self.annexErrorCorrection)
        let layout = QRBlockLayout(version: QRVersion(1), errorCorrection: .m)
        #expect(layout.interleaving(Self.annexData) == Self.annexData + Self.annexErrorCorrection)
    }

    @Test("the generator polynomial of degree 7 is the one in ISO 18004 annex A")
    func generatorOfDegreeSeven() {
        // x⁷ + α⁸⁷x⁶ + α²²⁹x⁵ + α¹⁴⁶x⁴ + α¹⁴⁹x³ + α²³⁸x² + α¹⁰²x + α²¹ as field elements.
        #expect(ReedSolomon(degree: 7).generator == [127, 122, 154, 164, 11, 68, 117])
    }

    @Test("field multiplication reduces by 0x11D")
    func multiplication() {
        #expect(ReedSolomon.multiply(0x80, 0x02) == 0x1D)
        #expect(ReedSolomon.multiply(0x53, 0xCA) == ReedSolomon.multiply(0xCA, 0x53))
        #expect(ReedSolomon.multiply(0x00, 0xCA) == 0)
        #expect(ReedSolomon.multiply(0x01, 0xCA) == 0xCA)
    }

    @Test("every codeword of every version and level lands in the symbol's codeword count")
    func blockTables() {
        for version in QRVersion.all {
            for level in QRErrorCorrection.allCases {
                let layout = QRBlockLayout(version: version, errorCorrection: level)
                let longBlocks = layout.longBlockCount
                let dataTotal = layout.blockCount * layout.shortBlockDataCodewords + longBlocks
                #expect(dataTotal == layout.dataCodewords, "version \(version.number)-\(level.rawValue)")
                #expect(layout.interleaving(Array(repeating: 0, count: layout.dataCodewords)).count
                    == version.totalCodewords)
            }
        }
    }
}
