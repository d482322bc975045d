import PropertyBased
import Testing
@testable import Symbology

/// The Swift encoder and libqrencode must agree wherever both can make the same symbol:
/// data containing NUL goes to libqrencode as one byte-mode segment, which the Swift encoder
/// can write too. With the mask libqrencode chose (read from its format information), every
/// module must match: function patterns, format and version information, Reed–Solomon blocks,
/// interleaving, placement and masking.
@Suite("QR encoder against libqrencode")
struct QREncoderCrossCheckTests {
    /// The level and mask in the format information beside the top-left finder.
    static func format(of matrix: ModuleMatrix) -> (level: QRErrorCorrection, mask: QRMask)? {
        var positions = (0...5).map { ($0, 8) } + [(7, 8), (8, 8), (8, 7)]
        positions += stride(from: 5, through: 0, by: -1).map { (8, $0) }
        let read = positions.reduce(0) { $0 << 1 | (matrix.isDark(x: $1.0, y: $1.1) ? 1 : 0) }
        for level in QRErrorCorrection.allCases {
            for mask in QRMask.all where QRFormatInformation.bits(errorCorrection: level, mask: mask) == read {
                return (level, mask)
            }
        }
        return nil
    }

    /// The Swift encoder's symbol of `data` as one byte segment, with `mask` instead of the best one.
    static func swiftMatrix(
        bytes data: [UInt8], version: QRVersion, level: QRErrorCorrection, mask: QRMask
    ) -> ModuleMatrix {
        let layout = QRBlockLayout(version: version, errorCorrection: level)
        var grid = QRGrid(version: version)
        grid.place(layout.interleaving(
            QRSegment.dataCodewords(for: [.byte(data)], in: version, capacity: layout.dataCodewords)))
        return grid.masked(mask, errorCorrection: level).matrix
    }

    /// Bytes one byte-mode segment of `version` holds at `level`.
    static func byteCapacity(_ version: QRVersion, _ level: QRErrorCorrection) -> Int {
        let bits = QRBlockLayout(version: version, errorCorrection: level).dataCodewords * 8
        return (bits - 4 - QRSegment.Mode.byte.characterCountWidth(for: version)) / 8
    }

    @Test("every version and level gives libqrencode's symbol, module for module", arguments: QRErrorCorrection.allCases)
    func everyVersion(_ level: QRErrorCorrection) throws {
        // Seven bytes fit version 1-H; the NUL keeps libqrencode in byte mode.
        let data: [UInt8] = [0] + Array("GS1-QR".utf8)
        for version in QRVersion.all {
            let reference = try QRCode.matrix(for: data, options: QROptions(errorCorrection: level, minimumVersion: version.number))
            try #require(reference.version == version.number)
            let format = try #require(Self.format(of: reference))
            #expect(format.level == level)
            let matrix = Self.swiftMatrix(bytes: data, version: version, level: level, mask: format.mask)
            // Compared as a count so a failure names the version rather than printing 30,000 modules.
            let differing = zip(matrix.modules, reference.modules).count { $0 != $1 }
            #expect(differing == 0, "version \(version.number)-\(level.rawValue)")
        }
    }

    @Test("random bytes fill multi-block symbols exactly as libqrencode does")
    func randomData() async {
        let input = zip(Gen<UInt8>.value(in: 0...255).array(of: 1...1200), Gen<QRErrorCorrection>.case)
        await propertyCheck(count: 60, input: input) { bytes, level in
            let data = [0] + bytes
            let reference = try QRCode.matrix(for: data, options: QROptions(errorCorrection: level))
            let format = try #require(Self.format(of: reference))
            let matrix = Self.swiftMatrix(bytes: data, version: QRVersion(reference.version), level: level, mask: format.mask)
            #expect(zip(matrix.modules, reference.modules).count { $0 != $1 } == 0, "version \(reference.version)")
        }
    }

    @Test("the data capacity of every version and level is libqrencode's", arguments: QRErrorCorrection.allCases)
    func capacities(_ level: QRErrorCorrection) throws {
        for version in QRVersion.all {
            let capacity = Self.byteCapacity(version, level)
            let options = QROptions(errorCorrection: level, minimumVersion: version.number)
            let full: [UInt8] = [0] + Array(repeating: 0x41, count: capacity - 1)
            #expect(try QRCode.matrix(for: full, options: options).version == version.number)
            if version.number < 40 {
                #expect(try QRCode.matrix(for: full + [0x41], options: options).version == version.number + 1)
            } else {
                #expect(throws: SymbologyError.self) { try QRCode.matrix(for: full + [0x41], options: options) }
            }
        }
    }

    @Test("the version 40 capacities quoted in errors follow from the tables", arguments: QRErrorCorrection.allCases)
    func largestSymbol(_ level: QRErrorCorrection) {
        let version = QRVersion(40)
        let bits = QRBlockLayout(version: version, errorCorrection: level).dataCodewords * 8 - 4 - 14
        let digits = bits / 10 * 3 + (bits % 10 >= 7 ? 2 : bits % 10 >= 4 ? 1 : 0)
        #expect(level.capacity.bytes == Self.byteCapacity(version, level))
        #expect(level.capacity.digits == digits)
    }

    @Test("the Swift encoder picks a valid mask and the same modules outside the data")
    func bestMask() throws {
        let data: [UInt8] = [0] + Array("(01)06901234567892".utf8)
        let reference = try QRCode.matrix(for: data, options: QROptions(errorCorrection: .q))
        let version = QRVersion(reference.version)
        let layout = QRBlockLayout(version: version, errorCorrection: .q)
        var grid = QRGrid(version: version)
        grid.place(layout.interleaving(QRSegment.dataCodewords(for: [.byte(data)], in: version, capacity: layout.dataCodewords)))
        let best = grid.bestMasked(errorCorrection: .q)
        let penalties = QRMask.all.map { grid.masked($0, errorCorrection: .q).penalty }
        #expect(best.penalty == penalties.min())
        #expect(Self.format(of: best.matrix)?.level == .q)
    }
}
