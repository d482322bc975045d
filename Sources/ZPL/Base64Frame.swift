/// The frame shared by `:Z64:` and `:B64:`: `:<kind>:<base64>:<crc>`, where the CRC is
/// CRC-16/XMODEM of the base64 text, written as four upper-case hex digits.
enum Base64Frame {
    static func append(kind: StaticString, payload: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: ":"))
        out.append(ascii: kind)
        out.append(UInt8(ascii: ":"))
        let start = out.count
        Base64.append(payload, to: &out)
        let crc = CRC16.xmodem(out[start...])
        out.append(UInt8(ascii: ":"))
        out.append(hexByte: UInt8(crc >> 8))
        out.append(hexByte: UInt8(crc & 0xFF))
    }

    /// The payload of a frame of `kind`, after checking its CRC.
    ///
    /// The CRC may have 1…4 hex digits of either case: other tools write it lower-case and
    /// without leading zeros.
    static func payload(of text: String, kind: String) throws(ZPLError) -> [UInt8] {
        let bytes = Array(text.utf8)
        let prefix = Array(":\(kind):".utf8)
        guard bytes.starts(with: prefix), let lastColon = bytes.lastIndex(of: UInt8(ascii: ":")),
              lastColon >= prefix.count
        else {
            throw ZPLError(kind, .syntax("expected :\(kind):<base64>:<CRC in hex>"))
        }
        let base64 = bytes[prefix.count..<lastColon]
        let crcText = bytes[(lastColon + 1)...]
        guard (1...4).contains(crcText.count), let found = UInt16(String(decoding: crcText, as: UTF8.self), radix: 16)
        else {
            throw ZPLError("\(kind) CRC", .syntax("expected 1…4 hex digits after the last ':'"))
        }
        let computed = CRC16.xmodem(base64)
        guard found == computed else {
            throw ZPLError("\(kind) CRC", .checksumMismatch(found: hex(found), computed: hex(computed)))
        }
        return try Base64.decode(base64, subject: "\(kind) data")
    }

    private static func hex(_ value: UInt16) -> String {
        var digits: [UInt8] = []
        digits.append(hexByte: UInt8(value >> 8))
        digits.append(hexByte: UInt8(value & 0xFF))
        return String(decoding: digits, as: UTF8.self)
    }
}
