/// Byte-level writing for ZPL: formats are built as UTF-8 bytes and turned into a `String`
/// once, because appending to a `String` piece by piece is several times slower.
extension Array where Element == UInt8 {
    mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends `value` in decimal, left-padded with zeros to at least `width` digits,
    /// without going through `String`.
    mutating func append(decimal value: Int, width: Int = 1) {
        if value < 0 {
            append(UInt8(ascii: "-"))
        }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        var digits = 1
        while divisor <= magnitude / 10 {
            divisor *= 10
            digits += 1
        }
        for _ in digits..<Swift.max(digits, width) {
            append(UInt8(ascii: "0"))
        }
        var rest = magnitude
        while divisor > 0 {
            append(UInt8(truncatingIfNeeded: rest / divisor) + UInt8(ascii: "0"))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends `byte` as two upper-case hexadecimal digits.
    mutating func append(hexByte byte: UInt8) {
        append(Self.hexDigit(byte >> 4))
        append(Self.hexDigit(byte & 0x0F))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "A")
    }
}
