import Imaging
import PropertyBased
import Testing
@testable import Symbology

@Suite("Raster")
struct RasterTests {
    /// Every dot, and the padding bits of each packed row, against the module it falls in.
    static func expectDots(
        _ bitmap: Bitmap, modules: (Int, Int) -> Bool, columns: Int, leading: Int,
        moduleSize: Int, rowHeight: Int, marginRows: Int
    ) {
        var mismatches = 0
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width {
                let column = x / moduleSize - leading
                let row = (y - marginRows) / rowHeight
                let inSymbol = y >= marginRows && y < bitmap.height - marginRows && (0..<columns).contains(column)
                if bitmap[x, y] != (inSymbol && modules(column, row)) { mismatches += 1 }
            }
            for x in bitmap.width..<bitmap.bytesPerRow * 8 where bitmap.bits[y * bitmap.bytesPerRow + x >> 3] & (0x80 >> UInt8(x & 7)) != 0 {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test("every QR dot matches its module, with a 4-module quiet zone", arguments: 1...9)
    func qrDots(_ moduleSize: Int) throws {
        let matrix = try QRCode.matrix(for: Array("https://id.gs1.org/01/06901234567892/21/A1B2C3D4E5F6".utf8))
        let bitmap = try matrix.bitmap(moduleSize: moduleSize)
        #expect(bitmap.width == (matrix.size + 8) * moduleSize && bitmap.height == bitmap.width)
        Self.expectDots(
            bitmap, modules: { matrix.isDark(x: $0, y: $1) }, columns: matrix.size, leading: 4,
            moduleSize: moduleSize, rowHeight: moduleSize, marginRows: 4 * moduleSize)
    }

    @Test("every bar dot matches its module over the whole bar height", arguments: [1, 2, 3, 5, 8])
    func barDots(_ moduleSize: Int) throws {
        let pattern = try Code128.pattern(for: Array("RI476394652CH".utf8))
        let bitmap = try pattern.bitmap(moduleSize: moduleSize, barHeight: 7)
        Self.expectDots(
            bitmap, modules: { column, _ in pattern.modules[column] }, columns: pattern.modules.count,
            leading: 10, moduleSize: moduleSize, rowHeight: 7, marginRows: 0)
    }

    @Test("bitmap size is (modules + quiet zones) × module size for every symbology and 1…8 dots")
    func dimensions() async {
        let input = zip(Gen<SymbologyKind>.case, Gen.int(in: 1...8), Gen.int(in: 1...120))
        await propertyCheck(count: 200, input: input) { kind, moduleSize, barHeight in
            let data = Array((kind == .upca ? "03600029145" : "400638133393").utf8)
            let options = RenderOptions(moduleSize: moduleSize, barHeight: barHeight)
            let bitmap = try Symbol.render(kind, data: data, options: options)
            switch kind {
            case .qr, .gs1QR:
                let size = try QRCode.matrix(for: data, gs1: kind == .gs1QR).size
                #expect(bitmap.width == (size + 8) * moduleSize && bitmap.height == bitmap.width)
            case .code128, .gs1_128:
                let modules = try Code128.pattern(for: data, gs1: kind == .gs1_128).modules.count
                #expect(bitmap.width == (modules + 20) * moduleSize && bitmap.height == barHeight)
            case .ean13:
                #expect(bitmap.width == (95 + 11 + 7) * moduleSize && bitmap.height == barHeight)
            case .upca:
                #expect(bitmap.width == (95 + 9 + 9) * moduleSize && bitmap.height == barHeight)
            }
        }
    }

    @Test("linear symbols are 50 modules tall unless a bar height is given")
    func defaultBarHeight() throws {
        let bitmap = try Symbol.render(.ean13, text: "400638133393", options: RenderOptions(moduleSize: 2))
        #expect(bitmap.height == 100)
    }

    @Test("module sizes outside 1…40 dots are refused", arguments: [0, -3, 41])
    func badModuleSize(_ moduleSize: Int) {
        for kind in SymbologyKind.allCases {
            #expect(throws: SymbologyError.invalidModuleSize(moduleSize)) {
                try Symbol.render(kind, text: "123456789012", options: RenderOptions(moduleSize: moduleSize))
            }
        }
    }

    @Test("bar heights outside 1…4000 dots are refused")
    func badBarHeight() {
        #expect(throws: SymbologyError.invalidBarHeight(0)) {
            try Symbol.render(.code128, text: "A", options: RenderOptions(barHeight: 0))
        }
        #expect(throws: SymbologyError.invalidBarHeight(4001)) {
            try Code128.pattern(for: [0x41]).bitmap(moduleSize: 1, barHeight: 4001)
        }
    }
}
