extension QRGrid {
    /// How hard the symbol is to read (ISO/IEC 18004 7.8.3.1), lower is better:
    /// - N1: 3 + (n − 5) for each run of n ≥ 5 same-coloured modules in a row or column;
    /// - N2: 3 for each 2×2 block of one colour (overlapping blocks count separately);
    /// - N3: 40 for each dark-light-dark-dark-dark-light-dark run with four light modules on
    ///   one side, which a reader could take for a finder (outside the symbol counts as light,
    ///   as the quiet zone is);
    /// - N4: 10 for each full 5 % by which the dark share departs from 50 %.
    var penalty: Int {
        var total = 0
        for index in 0..<size {
            total += Self.linePenalty(count: size) { modules[index * size + $0] }
            total += Self.linePenalty(count: size) { modules[$0 * size + index] }
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let color = modules[y * size + x]
                if modules[y * size + x + 1] == color && modules[(y + 1) * size + x] == color
                    && modules[(y + 1) * size + x + 1] == color {
                    total += 3
                }
            }
        }
        let dark = modules.count(where: \.self)
        let all = modules.count
        // k = ⌈|dark/all − 50 %| / 5 %⌉ − 1; never negative, as an odd `all` is never twice `dark`.
        total += 10 * ((abs(dark * 20 - all * 10) + all - 1) / all - 1)
        return total
    }

    /// N1 and N3 of one row or column of `count` modules.
    private static func linePenalty(count: Int, module: (Int) -> Bool) -> Int {
        var penalty = 0
        var run = 0
        var previous: Bool?
        // The last eleven modules, the newest in bit 0, with four light modules before and after.
        var window = 0
        for index in -4..<count + 4 {
            let dark = (0..<count).contains(index) && module(index)
            window = (window << 1 | (dark ? 1 : 0)) & 0x7FF
            if index >= 6 && (window == 0b000_0101_1101 || window == 0b101_1101_0000) { penalty += 40 }
            guard (0..<count).contains(index) else { continue }
            if dark == previous {
                run += 1
            } else {
                if run >= 5 { penalty += run - 2 }
                run = 1
                previous = dark
            }
        }
        if run >= 5 { penalty += run - 2 }
        return penalty
    }
}
