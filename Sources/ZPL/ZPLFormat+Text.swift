extension ZPLFormat {
    /// A line of text in `font`.
    public mutating func text(
        _ text: String, at position: ZPLFieldPosition, font: ZPLFont, orientation: ZPLOrientation = .normal
    ) throws(ZPLError) {
        try addField { out throws(ZPLError) in
            try position.write(into: &out)
            try font.write(orientation, into: &out)
            try FieldData.field("^FD of the text at \(position)", into: &out) { FieldData.append(text.utf8, to: &$0) }
        }
    }

    /// Lines of text in a `^FB` block: each element of `lines` starts a new line, and a line
    /// longer than the block's width wraps.
    ///
    /// Inside `^FB`, `\&` breaks a line, so a backslash in the data is written `\\` (the
    /// guide's literal backslash) and only this method's own breaks reach the printer. `\\` is
    /// used rather than `_5C` because `^FH` may be decoded before `^FB` reads `\&`.
    public mutating func textBlock(
        _ lines: [String], at position: ZPLFieldPosition, font: ZPLFont, block: ZPLTextBlock,
        orientation: ZPLOrientation = .normal
    ) throws(ZPLError) {
        let subject = "^FD of the text block at \(position)"
        guard !lines.isEmpty else {
            throw ZPLError(subject, .empty)
        }
        guard lines.count <= block.maxLines else {
            throw ZPLError(subject, .tooLong(length: lines.count, limit: block.maxLines, unit: "lines (^FB maximum)"))
        }
        try addField { out throws(ZPLError) in
            try position.write(into: &out)
            try font.write(orientation, into: &out)
            try block.write(into: &out)
            try FieldData.field(subject, into: &out) { out in
                for (index, line) in lines.enumerated() {
                    if index > 0 {
                        out.append(ascii: "\\&")
                    }
                    for byte in line.utf8 {
                        if byte == UInt8(ascii: "\\") {
                            out.append(ascii: "\\\\")
                        } else {
                            FieldData.append(byte, to: &out)
                        }
                    }
                }
            }
        }
    }
}
