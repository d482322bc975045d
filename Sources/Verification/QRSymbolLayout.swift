/// Where things sit in a QR symbol of one version and error-correction level: which modules
/// are function patterns, and which codeword of which Reed–Solomon block each data module
/// carries (ISO/IEC 18004 §7). The grader needs it to turn module errors into codeword errors.
///
/// Symbology builds symbols with its own copy of these rules; Verification does not depend on
/// Symbology, so it keeps what reading needs here.
struct QRSymbolLayout {
    let size: Int
    /// Per module, row-major: true for finder, separator, timing, alignment, format and version modules.
    let isFunction: [Bool]
    /// Per module, row-major: the index of the codeword it belongs to, or nil (function or remainder).
    let codeword: [Int?]
    /// Per codeword, in placement order: its block.
    let block: [Int]
    let blockCount: Int
    let ecCodewordsPerBlock: Int

    /// The layout for `size` modules a side (21, 25, … 177) at `level` ("L", "M", "Q", "H").
    init?(size: Int, level: String) {
        guard size >= 21, size <= 177, (size - 17) % 4 == 0, let row = Self.table[level] else { return nil }
        let version = (size - 17) / 4
        self.size = size
        blockCount = row.blocks[version - 1]
        ecCodewordsPerBlock = row.ecCodewords[version - 1]
        isFunction = Self.functionModules(version: version, size: size)
        // Codewords are interleaved: the i-th data codeword of every block in turn (the short
        // blocks, first, have one data codeword fewer), then the i-th error-correction codeword.
        let total = Self.rawDataModules(version: version) / 8
        let shortLength = total / blockCount, shortBlocks = blockCount - total % blockCount
        let shortData = shortLength - ecCodewordsPerBlock
        var block: [Int] = []
        for i in 0...shortLength {
            for j in 0..<blockCount where i != shortData || j >= shortBlocks {
                block.append(j)
            }
        }
        self.block = block
        // Placement: two-module columns from the right, up and down in turn, skipping column 6.
        var codeword = [Int?](repeating: nil, count: size * size)
        var bit = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    guard !isFunction[y * size + x] else { continue }
                    if bit / 8 < total { codeword[y * size + x] = bit / 8 }
                    bit += 1
                }
            }
            right -= 2
        }
        self.codeword = codeword
    }

    /// The three finder patterns with their separators, each 8×8 from its corner.
    func isFinderOrSeparator(x: Int, y: Int) -> Bool {
        (x < 8 && y < 8) || (x >= size - 8 && y < 8) || (x < 8 && y >= size - 8)
    }

    private static func functionModules(version: Int, size: Int) -> [Bool] {
        var function = [Bool](repeating: false, count: size * size)
        func mark(_ x: Int, _ y: Int) { if x >= 0, y >= 0, x < size, y < size { function[y * size + x] = true } }
        for i in 0..<size {
            mark(6, i)
            mark(i, 6)
        }
        for y in 0..<9 { for x in 0..<9 { mark(x, y) } }  // top-left finder, separator, format
        for y in 0..<9 { for x in (size - 8)..<size { mark(x, y) } }
        for y in (size - 8)..<size { for x in 0..<9 { mark(x, y) } }
        let centres = alignmentCentres(version: version, size: size)
        for cy in centres {
            for cx in centres where !(cx == 6 && cy == 6) && !(cx == 6 && cy == size - 7) && !(cx == size - 7 && cy == 6) {
                for dy in -2...2 { for dx in -2...2 { mark(cx + dx, cy + dy) } }
            }
        }
        if version >= 7 {
            for a in 0..<6 {
                for b in (size - 11)..<(size - 8) {
                    mark(a, b)
                    mark(b, a)
                }
            }
        }
        return function
    }

    private static func alignmentCentres(version: Int, size: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        return [6] + (0..<(count - 1)).map { size - 7 - $0 * step }.reversed()
    }

    private static func rawDataModules(version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let count = version / 7 + 2
            result -= (25 * count - 10) * count - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    /// Error-correction codewords per block and blocks, versions 1…40 (ISO/IEC 18004 table 9).
    private static let table: [String: (ecCodewords: [Int], blocks: [Int])] = [
        "L": ([7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
               28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
              [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
               8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25]),
        "M": ([10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
               26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
              [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
               17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49]),
        "Q": ([13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
               28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
              [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
               23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68]),
        "H": ([17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
               30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
              [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
               25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81]),
    ]
}
