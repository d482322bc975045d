extension QRGrid {
    /// Places codewords, most significant bit first, in the two-module-wide columns that run
    /// up and down from the lower-right corner, skipping function modules (ISO/IEC 18004
    /// 7.7.3). Modules left over are the remainder bits and stay light.
    mutating func place(_ codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            // Column 6 is the vertical timing pattern: the pair left of it starts at column 5.
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunction[y * size + x] {
                    guard bitIndex < bitCount else { continue }
                    setData(x: x, y: y, dark: (codewords[bitIndex >> 3] >> UInt8(7 - (bitIndex & 7))) & 1 != 0)
                    bitIndex += 1
                }
            }
            right -= 2
        }
        precondition(bitIndex == bitCount, "the codewords do not fill the symbol")
    }
}
