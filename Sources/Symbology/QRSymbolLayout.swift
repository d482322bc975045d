/// Where things sit in a QR symbol of one version and error correction level: which modules
/// are function patterns, and which bit of which codeword of which Reed–Solomon block each
/// data module carries (ISO/IEC 18004 clause 7). A verifier needs it to turn damaged modules
/// into damaged codewords; it comes from the same tables and placement the encoder uses.
public struct QRSymbolLayout: Sendable {
    /// Modules per side.
    public let size: Int
    public let blockCount: Int
    /// Error correction codewords in each block; every block has the same number.
    public let ecCodewordsPerBlock: Int
    /// Per module, row-major.
    private let isFunctionModule: [Bool]
    /// Per module, row-major: its place in the codeword bit stream, nil for function modules
    /// and remainder bits.
    private let bitIndex: [Int?]
    /// Per codeword, in the interleaved order they are placed in: its block.
    private let blockOfCodeword: [Int]

    /// The layout of symbols `size` modules a side (21, 25, … 177) at `errorCorrection`;
    /// nil for any other size.
    public init?(size: Int, errorCorrection: QRErrorCorrection) {
        guard (21...177).contains(size), (size - 17) % 4 == 0 else { return nil }
        let version = QRVersion((size - 17) / 4)
        let blocks = QRBlockLayout(version: version, errorCorrection: errorCorrection)
        let grid = QRGrid(version: version)
        self.size = size
        blockCount = blocks.blockCount
        ecCodewordsPerBlock = blocks.ecCodewordsPerBlock
        isFunctionModule = grid.isFunction
        var bitIndex = [Int?](repeating: nil, count: size * size)
        for (index, module) in grid.dataModules.prefix(blocks.totalCodewords * 8).enumerated() {
            bitIndex[module.y * size + module.x] = index
        }
        self.bitIndex = bitIndex
        blockOfCodeword = blocks.interleavedOrder.map(\.block)
    }

    /// Whether the module in column `x`, row `y` belongs to a finder, separator, timing or
    /// alignment pattern, the format or version information, or is the dark module.
    public func isFunction(x: Int, y: Int) -> Bool { isFunctionModule[y * size + x] }

    /// The codeword the module in column `x`, row `y` belongs to, by its index in the
    /// interleaved order, and its bit there (7 is the most significant); nil for function
    /// modules and remainder bits.
    public func codewordBit(x: Int, y: Int) -> (codeword: Int, bit: Int)? {
        bitIndex[y * size + x].map { ($0 >> 3, 7 - ($0 & 7)) }
    }

    /// The Reed–Solomon block of the codeword at `codeword` in the interleaved order.
    public func block(ofCodeword codeword: Int) -> Int { blockOfCodeword[codeword] }
}
