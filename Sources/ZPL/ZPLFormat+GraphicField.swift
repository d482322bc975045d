extension ZPLFormat {
    /// `^GFA`: a 1-bit graphic printed from the host's bytes, such as a symbol the printer
    /// cannot encode itself.
    ///
    /// - Parameters:
    ///   - bytes: `rows` rows of `bytesPerRow` bytes, top row first; the most significant bit
    ///     is the leftmost dot, and a set bit prints black.
    ///   - bytesPerRow: bytes in each row, the graphic's width in dots divided by 8, rounded up.
    public mutating func graphicField(
        _ bytes: [UInt8], bytesPerRow: Int, rows: Int, at position: ZPLFieldPosition,
        encoding: ZPLGraphicEncoding = .z64
    ) throws(ZPLError) {
        // The ZPL guide's range for each ^GF count; the printer clamps values beyond it.
        let counts = 1...99_999
        try ZPLError.check(bytesPerRow, in: counts, "^GF bytes per row")
        try ZPLError.check(rows, in: 1...32000, "^GF rows")
        try ZPLError.check(bytesPerRow * rows, in: counts, "^GF graphic field count (bytes per row × rows)")
        guard bytes.count == bytesPerRow * rows else {
            throw ZPLError("^GF data", .wrongLength(found: bytes.count, expected: bytesPerRow * rows,
                                                    unit: "bytes for \(rows) rows of \(bytesPerRow)"))
        }
        var data: [UInt8] = []
        switch encoding {
        case .z64:
            Z64.append(bytes, to: &data)
        case .b64:
            B64.append(bytes, to: &data)
        case .hex:
            data.reserveCapacity(bytes.count * 2)
            for byte in bytes {
                data.append(hexByte: byte)
            }
        }
        // b counts the bytes after d, except for plain hex, where the guide has it equal c.
        let byteCount = encoding == .hex ? bytes.count : data.count
        try ZPLError.check(byteCount, in: counts, "^GF binary byte count (the encoded data)")
        try addField { out throws(ZPLError) in
            try position.write(into: &out)
            out.append(ascii: "^GFA,")
            out.append(decimal: byteCount)
            out.append(UInt8(ascii: ","))
            out.append(decimal: bytes.count)
            out.append(UInt8(ascii: ","))
            out.append(decimal: bytesPerRow)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: data)
            out.append(ascii: "^FS")
        }
    }
}
