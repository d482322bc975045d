extension ZPLFormat {
    /// `^GB`: a box of `width` × `height` dots with borders `thickness` dots wide; a box as
    /// thick as it is wide or high is a filled rectangle or a line.
    ///
    /// - Parameter rounding: corner rounding, 0 (square) to 8 (most rounded).
    public mutating func box(
        at position: ZPLFieldPosition, width: Int, height: Int, thickness: Int = 1, color: ZPLLineColor = .black,
        rounding: Int = 0
    ) throws(ZPLError) {
        // The printer widens a box narrower than its border to the border, so such sizes are refused.
        try ZPLError.check(thickness, in: 1...32000, "^GB thickness")
        try ZPLError.check(width, in: thickness...32000, "^GB width (at least the thickness)")
        try ZPLError.check(height, in: thickness...32000, "^GB height (at least the thickness)")
        try ZPLError.check(rounding, in: 0...8, "^GB rounding")
        try addField { out throws(ZPLError) in
            try position.write(into: &out)
            out.append(ascii: "^GB")
            out.append(decimal: width)
            out.append(UInt8(ascii: ","))
            out.append(decimal: height)
            out.append(UInt8(ascii: ","))
            out.append(decimal: thickness)
            out.append(UInt8(ascii: ","))
            out.append(color.code)
            out.append(UInt8(ascii: ","))
            out.append(decimal: rounding)
            out.append(ascii: "^FS")
        }
    }

    /// A horizontal line `length` dots long, drawn right from `position`.
    public mutating func horizontalLine(
        at position: ZPLFieldPosition, length: Int, thickness: Int = 1
    ) throws(ZPLError) {
        try box(at: position, width: length, height: thickness, thickness: thickness)
    }

    /// A vertical line `length` dots long, drawn down from `position`.
    public mutating func verticalLine(
        at position: ZPLFieldPosition, length: Int, thickness: Int = 1
    ) throws(ZPLError) {
        try box(at: position, width: thickness, height: length, thickness: thickness)
    }
}
