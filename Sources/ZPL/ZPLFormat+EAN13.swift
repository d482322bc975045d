extension ZPLFormat {
    /// `^BE` EAN-13 from its first 12 digits; the printer computes and adds the check digit.
    ///
    /// - Parameters:
    ///   - height: bar height in dots.
    ///   - moduleWidth: narrowest bar in dots (`^BY`), 1…10.
    public mutating func ean13(
        _ digits: String, at position: ZPLFieldPosition, height: Int, moduleWidth: Int = 2,
        orientation: ZPLOrientation = .normal, interpretationLine: ZPLInterpretationLine = .below
    ) throws(ZPLError) {
        let subject = "^FD of the EAN-13 at \(position)"
        let data = Array(digits.utf8)
        // A 13th digit would be taken as data, not checked, so only the 12 are accepted.
        guard data.count == 12 else {
            throw ZPLError(
                subject, .wrongLength(found: data.count, expected: 12, unit: "digits (without the check digit)"))
        }
        if let index = data.firstIndex(where: { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            throw ZPLError(subject, .character(data[index], position: index, allowed: "digits 0-9"))
        }
        try addField { out throws(ZPLError) in
            try position.write(into: &out)
            try Self.writeBarDefaults(moduleWidth: moduleWidth, height: height, into: &out)
            out.append(ascii: "^BE")
            out.append(orientation.code)
            out.append(UInt8(ascii: ","))
            out.append(decimal: height)
            out.append(UInt8(ascii: ","))
            interpretationLine.write(into: &out)
            try FieldData.field(subject, into: &out) { $0.append(contentsOf: data) }
        }
    }
}
