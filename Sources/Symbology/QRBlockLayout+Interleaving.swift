extension QRBlockLayout {
    /// The final codeword sequence (ISO/IEC 18004 7.6): `data` split into blocks, each block's
    /// error correction codewords computed, then taken in `interleavedOrder`.
    func interleaving(_ data: [UInt8]) -> [UInt8] {
        precondition(data.count == dataCodewords, "data codeword count does not match the symbol")
        let code = ReedSolomon(degree: ecCodewordsPerBlock)
        var blocks: [[UInt8]] = []
        var start = 0
        for block in 0..<blockCount {
            let dataBlock = data[start..<start + dataCodewords(inBlock: block)]
            blocks.append(Array(dataBlock) + code.errorCorrection(for: dataBlock))
            start += dataBlock.count
        }
        return interleavedOrder.map { blocks[$0.block][$0.index] }
    }

    /// Where each codeword of the final sequence comes from: its block, and its index in that
    /// block (data codewords, then error correction codewords). The first data codeword of
    /// every block comes first, then the second of every block, … and the error correction
    /// codewords likewise.
    var interleavedOrder: [(block: Int, index: Int)] {
        var order: [(block: Int, index: Int)] = []
        order.reserveCapacity(totalCodewords)
        for index in 0...shortBlockDataCodewords {
            // The last column exists only in the long blocks.
            for block in 0..<blockCount where index < dataCodewords(inBlock: block) {
                order.append((block, index))
            }
        }
        for index in 0..<ecCodewordsPerBlock {
            for block in 0..<blockCount {
                order.append((block, dataCodewords(inBlock: block) + index))
            }
        }
        return order
    }

    /// The short blocks come first; the long ones, at the end, have one data codeword more.
    private func dataCodewords(inBlock block: Int) -> Int {
        shortBlockDataCodewords + (block >= blockCount - longBlockCount ? 1 : 0)
    }
}
