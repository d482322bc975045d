import Testing
@testable import Symbology

@Suite("QR format and version information")
struct QRFormatInformationTests {
    @Test(
        "format bits match ISO 18004 annex C for known level and mask pairs",
        arguments: [
            (QRErrorCorrection.m, 0, 0b101_0100_0001_0010),
            (.l, 0, 0b111_0111_1100_0100),
            (.l, 7, 0b110_1001_0111_0110),
            (.q, 0, 0b011_0101_0101_1111),
            (.h, 0, 0b001_0110_1000_1001),
            (.m, 5, 0b100_0000_1100_1110),
        ]
    )
    func formatBits(level: QRErrorCorrection, mask: Int, expected: Int) {
        #expect(QRFormatInformation.bits(errorCorrection: level, mask: QRMask(mask)) == expected)
    }

    @Test("the 32 format words are distinct and at least 7 bits apart")
    func formatDistance() {
        let words = QRErrorCorrection.allCases.flatMap { level in
            QRMask.all.map { QRFormatInformation.bits(errorCorrection: level, mask: $0) }
        }
        #expect(Set(words).count == 32)
        for (index, word) in words.enumerated() {
            for other in words[(index + 1)...] { #expect((word ^ other).nonzeroBitCount >= 7) }
        }
    }

    @Test("version bits match ISO 18004 annex D", arguments: [
        (7, 0b00_0111_1100_1001_0100), (8, 0b00_1000_0101_1011_1100), (21, 0b01_0101_0110_1000_0011),
        (40, 0b10_1000_1100_0110_1001),
    ])
    func versionBits(version: Int, expected: Int) {
        #expect(QRFormatInformation.versionBits(QRVersion(version)) == expected)
    }
}
