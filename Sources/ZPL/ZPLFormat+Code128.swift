extension ZPLFormat {
    /// `^BC` Code 128 of printable ASCII text (0x20…0x7E).
    ///
    /// - Parameters:
    ///   - height: bar height in dots.
    ///   - moduleWidth: narrowest bar in dots (`^BY`), 1…10.
    public mutating func code128(
        _ text: String, at position: ZPLFieldPosition, height: Int, moduleWidth: Int = 2,
        orientation: ZPLOrientation = .normal, interpretationLine: ZPLInterpretationLine = .below
    ) throws(ZPLError) {
        let subject = "^FD of the Code 128 at \(position)"
        let data = Array(text.utf8)
        guard !data.isEmpty else {
            throw ZPLError(subject, .empty)
        }
        if let index = data.firstIndex(where: { !(0x20...0x7E).contains($0) }) {
            throw ZPLError(subject, .character(data[index], position: index, allowed: "printable ASCII (0x20…0x7E)"))
        }
        try code128(data, gs1: false, subject: subject, at: position, height: height, moduleWidth: moduleWidth,
                    orientation: orientation, interpretationLine: interpretationLine)
    }

    /// `^BC` GS1-128: FNC1 after the start character, and FNC1 wherever `symbolData` has GS.
    ///
    /// - Parameter symbolData: GS1 symbol data as `GS1ElementString.symbolData()` gives it: AIs
    ///   and values run together, GS (0x1D) after a variable-length value that is not last, no
    ///   leading GS. At most 48 characters, GS included, as the GS1 General Specifications allow.
    ///   - interpretationLine: none by default: in mode N the printer would print the digits
    ///     without the AIs in brackets, so write the bracketed text as a text field instead.
    public mutating func gs1Code128(
        symbolData: String, at position: ZPLFieldPosition, height: Int, moduleWidth: Int = 2,
        orientation: ZPLOrientation = .normal, interpretationLine: ZPLInterpretationLine = .none
    ) throws(ZPLError) {
        let subject = "^FD of the GS1-128 at \(position)"
        let data = Array(symbolData.utf8)
        guard !data.isEmpty else {
            throw ZPLError(subject, .empty)
        }
        guard data.count <= 48 else {
            throw ZPLError(subject, .tooLong(length: data.count, limit: 48, unit: "characters"))
        }
        for (index, byte) in data.enumerated() {
            if byte == Code128FieldData.fnc1 {
                guard index > 0, index < data.count - 1, data[index - 1] != byte else {
                    throw ZPLError(subject, .character(byte, position: index, allowed: "GS only between two elements"))
                }
            } else if !(0x20...0x7E).contains(byte) {
                throw ZPLError(subject, .character(byte, position: index, allowed: "printable ASCII and GS (0x1D)"))
            }
        }
        try code128(data, gs1: true, subject: subject, at: position, height: height, moduleWidth: moduleWidth,
                    orientation: orientation, interpretationLine: interpretationLine)
    }

    private mutating func code128(
        _ data: [UInt8], gs1: Bool, subject: String, at position: ZPLFieldPosition, height: Int, moduleWidth: Int,
        orientation: ZPLOrientation, interpretationLine: ZPLInterpretationLine
    ) throws(ZPLError) {
        try addField { out throws(ZPLError) in
            try position.write(into: &out)
            try Self.writeBarDefaults(moduleWidth: moduleWidth, height: height, into: &out)
            out.append(ascii: "^BC")
            out.append(orientation.code)
            out.append(UInt8(ascii: ","))
            out.append(decimal: height)
            out.append(UInt8(ascii: ","))
            interpretationLine.write(into: &out)
            // No UCC check digit (e), mode N (m): the invocation codes in the data say everything.
            out.append(ascii: ",N,N")
            try FieldData.field(subject, into: &out) { Code128FieldData.append(data, gs1: gs1, to: &$0) }
        }
    }

    /// `^BY`, written before every linear barcode because it is sticky for the rest of the format.
    /// The wide-to-narrow ratio does not apply to Code 128 or EAN-13 and stays at its default.
    static func writeBarDefaults(moduleWidth: Int, height: Int, into out: inout [UInt8]) throws(ZPLError) {
        try ZPLError.check(moduleWidth, in: 1...10, "^BY module width")
        try ZPLError.check(height, in: 1...32000, "bar height")
        out.append(ascii: "^BY")
        out.append(decimal: moduleWidth)
        out.append(ascii: ",3.0,")
        out.append(decimal: height)
    }
}
