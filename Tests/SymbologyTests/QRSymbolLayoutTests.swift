import PropertyBased
import Testing
@testable import Symbology

/// The layout a verifier reads symbols with must be the one they are written with: read
/// through it, the Swift encoder's symbols give back their interleaved codewords, and
/// libqrencode's give Reed–Solomon blocks that check.
@Suite("QR symbol layout")
struct QRSymbolLayoutTests {
    /// Remainder bits of each version, 1…40 (ISO/IEC 18004 table 1).
    static let remainderBits = [0] + Array(repeating: 7, count: 5) + Array(repeating: 0, count: 7)
        + Array(repeating: 3, count: 7) + Array(repeating: 4, count: 7) + Array(repeating: 3, count: 7)
        + Array(repeating: 0, count: 6)

    /// The codewords of `matrix` in interleaved order, read where `layout` puts them with
    /// `mask` undone, and how many remainder modules read dark.
    static func read(_ matrix: ModuleMatrix, _ layout: QRSymbolLayout, mask: QRMask) -> (codewords: [UInt8], darkRemainder: Int) {
        var codewords = [UInt8](repeating: 0, count: QRVersion(matrix.version).totalCodewords)
        var darkRemainder = 0
        for y in 0..<matrix.size {
            for x in 0..<matrix.size where !layout.isFunction(x: x, y: y) {
                let dark = matrix.isDark(x: x, y: y) != mask.inverts(x: x, y: y)
                if let (codeword, bit) = layout.codewordBit(x: x, y: y) {
                    if dark { codewords[codeword] |= 1 << bit }
                } else if dark {
                    darkRemainder += 1
                }
            }
        }
        return (codewords, darkRemainder)
    }

    @Test("every data module is one bit of one codeword or a remainder bit", arguments: QRErrorCorrection.allCases)
    func everyModuleOnce(_ level: QRErrorCorrection) throws {
        for version in QRVersion.all {
            let layout = try #require(QRSymbolLayout(size: version.size, errorCorrection: level))
            var bits: [[Int]] = Array(repeating: [], count: version.totalCodewords)
            var remainder = 0
            for y in 0..<version.size {
                for x in 0..<version.size where !layout.isFunction(x: x, y: y) {
                    if let (codeword, bit) = layout.codewordBit(x: x, y: y) { bits[codeword].append(bit) } else { remainder += 1 }
                }
            }
            #expect(bits.allSatisfy { $0.sorted() == Array(0...7) }, "version \(version.number)-\(level.rawValue)")
            #expect(remainder == Self.remainderBits[version.number - 1], "version \(version.number)")
            let blockLengths = (0..<version.totalCodewords).reduce(into: [Int: Int]()) { $0[layout.block(ofCodeword: $1), default: 0] += 1 }
            #expect(blockLengths.keys.sorted() == Array(0..<layout.blockCount))
            #expect(Set(blockLengths.values).count <= 2 && blockLengths.values.allSatisfy { $0 > layout.ecCodewordsPerBlock })
        }
        #expect([0, 20, 22, 181].allSatisfy { QRSymbolLayout(size: $0, errorCorrection: level) == nil })
    }

    @Test("the encoder writes its interleaved codewords where the layout says, remainder bits light")
    func encoderAgrees() async {
        let input = zip(Gen.int(in: 1...40), Gen<QRErrorCorrection>.case, Gen<UInt8>.value(in: 0...255).array(of: 1...3000))
        await propertyCheck(count: 30, input: input) { number, level, bytes in
            let version = QRVersion(number)
            let blocks = QRBlockLayout(version: version, errorCorrection: level)
            let data = Array(bytes.prefix(QREncoderCrossCheckTests.byteCapacity(version, level)))
            let segments: [QRSegment] = [.byte(data)]
            let matrix = QREncoder.matrix(for: segments, version: version, errorCorrection: level)
            let mask = try #require(QREncoderCrossCheckTests.format(of: matrix)).mask
            let layout = try #require(QRSymbolLayout(size: matrix.size, errorCorrection: level))
            let read = Self.read(matrix, layout, mask: mask)
            let expected = blocks.interleaving(QRSegment.dataCodewords(for: segments, in: version, capacity: blocks.dataCodewords))
            #expect(read.codewords == expected, "version \(number)-\(level.rawValue)")
            #expect(read.darkRemainder == 0)
        }
    }

    @Test("libqrencode's symbols, read through the layout, give blocks whose error correction checks")
    func libqrencodeAgrees() async {
        let input = zip(Gen.int(in: 1...40), Gen<QRErrorCorrection>.case, Gen<UInt8>.value(in: 0...255).array(of: 1...600))
        await propertyCheck(count: 30, input: input) { minimumVersion, level, bytes in
            // The NUL keeps libqrencode to one byte-mode segment.
            let data = [0] + bytes
            let matrix = try QRCode.matrix(for: data, options: QROptions(errorCorrection: level, minimumVersion: minimumVersion))
            let mask = try #require(QREncoderCrossCheckTests.format(of: matrix)).mask
            let layout = try #require(QRSymbolLayout(size: matrix.size, errorCorrection: level))
            var blocks = [[UInt8]](repeating: [], count: layout.blockCount)
            for (index, codeword) in Self.read(matrix, layout, mask: mask).codewords.enumerated() {
                blocks[layout.block(ofCodeword: index)].append(codeword)
            }
            let ec = layout.ecCodewordsPerBlock
            let code = ReedSolomon(degree: ec)
            #expect(blocks.allSatisfy { code.errorCorrection(for: $0.dropLast(ec)) == Array($0.suffix(ec)) }, "version \(matrix.version)")
            let version = QRVersion(matrix.version)
            let capacity = QRBlockLayout(version: version, errorCorrection: level).dataCodewords
            #expect(blocks.flatMap { $0.dropLast(ec) } == QRSegment.dataCodewords(for: [.byte(data)], in: version, capacity: capacity))
        }
    }
}
