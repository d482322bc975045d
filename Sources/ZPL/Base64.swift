/// Standard base64 (RFC 4648 §4, with `=` padding), as `:B64:` and `:Z64:` carry it.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The value of each byte as a base64 digit, or 0xFF for a byte outside the alphabet.
    private static let values: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() {
            values[Int(byte)] = UInt8(value)
        }
        return values
    }()

    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.reserveCapacity(out.count + (bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            appendDigits(group, count: 4, to: &out)
            index += 3
        }
        switch bytes.count - index {
        case 1:
            appendDigits(UInt32(bytes[index]) << 16, count: 2, to: &out)
            out.append(ascii: "==")
        case 2:
            appendDigits(UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8, count: 3, to: &out)
            out.append(UInt8(ascii: "="))
        default:
            break
        }
    }

    private static func appendDigits(_ group: UInt32, count: Int, to out: inout [UInt8]) {
        for digit in 0..<count {
            out.append(alphabet[Int(group >> UInt32(18 - 6 * digit) & 0x3F)])
        }
    }

    /// Decodes `text` strictly: only alphabet characters, whole groups of four, padding only at the end.
    static func decode(_ text: ArraySlice<UInt8>, subject: String) throws(ZPLError) -> [UInt8] {
        guard text.count % 4 == 0 else {
            throw ZPLError(subject, .syntax("base64 text of \(text.count) characters is not whole groups of 4"))
        }
        var padding = 0
        if text.last == UInt8(ascii: "=") {
            padding = text.dropLast().last == UInt8(ascii: "=") ? 2 : 1
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.count / 4 * 3)
        var group: UInt32 = 0
        for (offset, byte) in text.enumerated() {
            let isPadding = offset >= text.count - padding
            let value = isPadding ? 0 : values[Int(byte)]
            guard value != 0xFF else {
                throw ZPLError(
                    subject, .character(byte, position: offset, allowed: "base64 (A-Z a-z 0-9 + /, = at the end)"))
            }
            group = group << 6 | UInt32(value)
            if offset % 4 == 3 {
                result.append(UInt8(truncatingIfNeeded: group >> 16))
                result.append(UInt8(truncatingIfNeeded: group >> 8))
                result.append(UInt8(truncatingIfNeeded: group))
                group = 0
            }
        }
        result.removeLast(padding)
        return result
    }
}
