extension QRGrid {
    /// Draws everything but the data (ISO/IEC 18004 6.3). The format information is drawn
    /// light for now, to reserve its modules; masking writes the real bits.
    mutating func drawFunctionPatterns() {
        // Timing patterns first: the finders and alignment patterns then overwrite their ends.
        for index in 0..<size {
            setFunction(x: 6, y: index, dark: index % 2 == 0)
            setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
        drawFinder(centerX: 3, centerY: 3)
        drawFinder(centerX: size - 4, centerY: 3)
        drawFinder(centerX: 3, centerY: size - 4)

        let centers = version.alignmentCenters
        let last = centers.count - 1
        for (row, centerY) in centers.enumerated() {
            for (column, centerX) in centers.enumerated() {
                // The three corners with a finder have no alignment pattern.
                let overlapsFinder = (row == 0 && column == 0) || (row == 0 && column == last)
                    || (row == last && column == 0)
                if !overlapsFinder { drawAlignment(centerX: centerX, centerY: centerY) }
            }
        }
        drawFormatInformation(0)
        drawVersionInformation()
    }

    /// The 7×7 finder and its light separator, clipped at the symbol's edges.
    private mutating func drawFinder(centerX: Int, centerY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centerX + dx, y = centerY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// The 5×5 alignment pattern: dark centre, light ring, dark ring.
    private mutating func drawAlignment(centerX: Int, centerY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(x: centerX + dx, y: centerY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// Both copies of the 15 format bits, bit 0 first (ISO/IEC 18004 figure 25), and the
    /// dark module beside the lower-left finder.
    mutating func drawFormatInformation(_ bits: Int) {
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 != 0 }
        // Around the top-left finder, skipping the timing pattern in row and column 6.
        for index in 0...5 { setFunction(x: 8, y: index, dark: bit(index)) }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for index in 9..<15 { setFunction(x: 14 - index, y: 8, dark: bit(index)) }
        // Under the top-right finder, then beside the lower-left one.
        for index in 0..<8 { setFunction(x: size - 1 - index, y: 8, dark: bit(index)) }
        for index in 8..<15 { setFunction(x: 8, y: size - 15 + index, dark: bit(index)) }
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// The two 6×3 version information blocks of versions 7 and up (ISO/IEC 18004 7.10),
    /// bit 0 in the corner nearest the symbol's origin.
    private mutating func drawVersionInformation() {
        guard version.number >= 7 else { return }
        let bits = QRFormatInformation.versionBits(version)
        for index in 0..<18 {
            let dark = (bits >> index) & 1 != 0
            let across = size - 11 + index % 3, along = index / 3
            setFunction(x: across, y: along, dark: dark)
            setFunction(x: along, y: across, dark: dark)
        }
    }
}
