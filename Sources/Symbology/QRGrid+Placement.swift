extension QRGrid {
    /// The modules that carry codeword bits, in placement order: the two-module-wide columns
    /// that run up and down in turn from the lower-right corner, right module first, skipping
    /// function modules (ISO/IEC 18004 7.7.3). Codewords fill them most significant bit first;
    /// the modules past the last codeword are the remainder bits.
    var dataModules: [(x: Int, y: Int)] {
        var modules: [(x: Int, y: Int)] = []
        var right = size - 1
        while right >= 1 {
            // Column 6 is the vertical timing pattern: the pair left of it starts at column 5.
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunction[y * size + x] {
                    modules.append((x, y))
                }
            }
            right -= 2
        }
        return modules
    }

    /// Places codewords along `dataModules`. Modules left over are the remainder bits and stay light.
    mutating func place(_ codewords: [UInt8]) {
        let modules = dataModules
        precondition(codewords.count == modules.count / 8, "the codewords do not fill the symbol")
        for (bitIndex, module) in modules.prefix(codewords.count * 8).enumerated() {
            setData(x: module.x, y: module.y, dark: (codewords[bitIndex >> 3] >> UInt8(7 - (bitIndex & 7))) & 1 != 0)
        }
    }
}
