extension QRBlockLayout {
    /// The final codeword sequence (ISO/IEC 18004 7.6): `data` split into blocks, each block's
    /// error correction codewords computed, then the first data codeword of every block, the
    /// second of every block, … and the error correction codewords likewise.
    func interleaving(_ data: [UInt8]) -> [UInt8] {
        precondition(data.count == dataCodewords, "data codeword count does not match the symbol")
        let code = ReedSolomon(degree: ecCodewordsPerBlock)
        var dataBlocks: [ArraySlice<UInt8>] = []
        var start = 0
        for block in 0..<blockCount {
            let length = shortBlockDataCodewords + (block >= blockCount - longBlockCount ? 1 : 0)
            dataBlocks.append(data[start..<start + length])
            start += length
        }
        let ecBlocks = dataBlocks.map { code.errorCorrection(for: $0) }

        var codewords: [UInt8] = []
        codewords.reserveCapacity(totalCodewords)
        for index in 0...shortBlockDataCodewords {
            // The last column exists only in the long blocks.
            for block in dataBlocks where index < block.count {
                codewords.append(block[block.startIndex + index])
            }
        }
        for index in 0..<ecCodewordsPerBlock {
            for block in ecBlocks { codewords.append(block[index]) }
        }
        return codewords
    }
}
