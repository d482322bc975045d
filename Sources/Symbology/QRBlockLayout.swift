/// How the codewords of one version and level split into Reed–Solomon blocks
/// (ISO/IEC 18004 table 9). All blocks have the same number of error correction codewords;
/// when the data does not divide evenly, the last blocks carry one data codeword more.
struct QRBlockLayout: Equatable, Sendable {
    let blockCount: Int
    let ecCodewordsPerBlock: Int
    let totalCodewords: Int

    init(version: QRVersion, errorCorrection: QRErrorCorrection) {
        let row = Self.table(for: errorCorrection)
        blockCount = row.blocks[version.number - 1]
        ecCodewordsPerBlock = row.ecCodewords[version.number - 1]
        totalCodewords = version.totalCodewords
    }

    var dataCodewords: Int { totalCodewords - blockCount * ecCodewordsPerBlock }

    /// Data codewords in each of the first (short) blocks.
    var shortBlockDataCodewords: Int { totalCodewords / blockCount - ecCodewordsPerBlock }

    /// Blocks, at the end, with one data codeword more than the short ones.
    var longBlockCount: Int { totalCodewords % blockCount }

    /// Error correction codewords per block and number of blocks, versions 1…40.
    private static func table(for level: QRErrorCorrection) -> (ecCodewords: [Int], blocks: [Int]) {
        switch level {
        case .l: (
            [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
             28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
            [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
             8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25])
        case .m: (
            [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
             26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
            [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
             17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49])
        case .q: (
            [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
             28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
            [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
             23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68])
        case .h: (
            [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
             30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
            [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
             25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81])
        }
    }
}
