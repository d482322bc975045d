extension ZPLFormat {
    /// `^BQN,2,<magnification>`: a Model 2 QR Code of `data`, placed by its top-left corner or,
    /// with `^FT`, its bottom-left.
    ///
    /// The error correction level and input mode go in the field data switches, where
    /// the printer reads them; firmware has been seen to ignore the `^BQ` level parameter.
    ///
    /// No GS1 QR Code (FNC1 in first position) here: the ZPL guide's `^BQ` switches (mixed
    /// mode `D` for structured append, level, input mode, character mode) have no FNC1 form.
    /// Zebra's forum names GS1 QR in the Link-OS 6.6 release notes and users report `>8`
    /// setting FNC1 but not the separators, which cannot be relied on across a fleet. Print a
    /// GS1 QR Code as a graphic field (`graphicField`) of a symbol encoded on the host.
    ///
    /// - Parameters:
    ///   - magnification: dots per module, 1…10 (older firmware's range).
    public mutating func qrCode(
        _ data: String, at position: ZPLFieldPosition, magnification: Int,
        errorCorrection: ZPLQRErrorCorrection = .medium, input: ZPLQRInput = .byteMode
    ) throws(ZPLError) {
        let subject = "^FD of the QR Code at \(position)"
        try ZPLError.check(magnification, in: 1...10, "^BQ magnification")
        let bytes = data.utf8
        guard !bytes.isEmpty else {
            throw ZPLError(subject, .empty)
        }
        let capacity = try Self.qrCapacity(of: bytes, errorCorrection, input, subject: subject)
        guard bytes.count <= capacity.limit else {
            let level = String(Unicode.Scalar(errorCorrection.code))
            throw ZPLError(subject, .tooLong(
                length: bytes.count, limit: capacity.limit, unit: "bytes in \(capacity.mode) at error correction \(level)"))
        }
        try addField { out throws(ZPLError) in
            try position.write(into: &out)
            // Firmware has been seen to place a QR Code lower by the ^BY height less one dot.
            // Resetting ^BY to its power-on value keeps that offset the same whatever barcode
            // came before in the format.
            out.append(ascii: "^BY2,3.0,10^BQN,2,")
            out.append(decimal: magnification)
            try FieldData.field(subject, into: &out) { out in
                out.append(errorCorrection.code)
                switch input {
                case .byteMode:
                    out.append(ascii: "M,B")
                    out.append(decimal: bytes.count, width: 4)
                case .automatic:
                    out.append(ascii: "A,")
                }
                FieldData.append(bytes, to: &out)
            }
        }
    }

    private static func qrCapacity(
        of bytes: String.UTF8View, _ level: ZPLQRErrorCorrection, _ input: ZPLQRInput, subject: String
    ) throws(ZPLError) -> (limit: Int, mode: String) {
        let capacity = level.capacity
        guard input == .automatic else {
            return (capacity.bytes, "byte mode")
        }
        var allDigits = true
        var allAlphanumeric = true
        for (index, byte) in bytes.enumerated() {
            guard byte < 0x80 else {
                throw ZPLError(
                    subject, .character(byte, position: index, allowed: "ASCII in automatic input; use byte mode"))
            }
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            allDigits = allDigits && isDigit
            allAlphanumeric = allAlphanumeric && (isDigit || qrAlphanumeric.contains(byte))
        }
        if allDigits {
            return (capacity.numeric, "numeric")
        }
        return allAlphanumeric ? (capacity.alphanumeric, "alphanumeric") : (capacity.bytes, "byte mode")
    }

    /// QR alphanumeric mode's characters besides the digits.
    private static let qrAlphanumeric = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8))
}
