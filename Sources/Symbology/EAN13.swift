/// EAN-13 (ISO/IEC 15420, GB 12904) and UPC-A, which is EAN-13 with a leading zero.
public enum EAN13 {
    /// Light modules the standard requires left and right of an EAN-13 symbol.
    public static let quietZones = (leading: 11, trailing: 7)

    /// The 13 digits to encode: 12 digits get their check digit appended; 13 digits must end in the right one.
    public static func completed(_ data: [UInt8]) throws(SymbologyError) -> [Int] {
        try completed(data, length: 13, symbology: .ean13)
    }

    /// The bar pattern: guards, six left digits in the odd/even parities the first digit selects,
    /// centre guard, six right digits, end guard (95 modules).
    public static func pattern(for data: [UInt8]) throws(SymbologyError) -> BarPattern {
        BarPattern(
            modules: modules(for: try completed(data)),
            leadingQuietZone: quietZones.leading, trailingQuietZone: quietZones.trailing)
    }

    /// Checks digits and length, then appends or verifies the check digit.
    static func completed(_ data: [UInt8], length: Int, symbology: SymbologyKind) throws(SymbologyError) -> [Int] {
        guard !data.isEmpty else { throw .emptyData(symbology: symbology) }
        var digits: [Int] = []
        for (position, byte) in data.enumerated() {
            guard (0x30...0x39).contains(byte) else {
                throw .invalidCharacter(symbology: symbology, byte: byte, position: position, allowed: "digits 0…9")
            }
            digits.append(Int(byte - 0x30))
        }
        guard digits.count == length - 1 || digits.count == length else {
            throw .invalidLength(
                symbology: symbology, length: digits.count,
                allowed: "give \(length - 1) digits (check digit computed) or \(length) (check digit verified)")
        }
        let expected = checkDigit(of: digits.prefix(length - 1))
        if digits.count == length {
            guard digits[length - 1] == expected else {
                throw .checkDigitMismatch(
                    symbology: symbology, data: String(decoding: data, as: UTF8.self),
                    expected: expected, found: digits[length - 1])
            }
            return digits
        }
        return digits + [expected]
    }

    /// GS1 mod-10 check digit: weights 3 and 1 alternate from the rightmost data digit.
    static func checkDigit(of digits: ArraySlice<Int>) -> Int {
        let sum = digits.reversed().enumerated().reduce(0) { $0 + $1.element * ($1.offset.isMultiple(of: 2) ? 3 : 1) }
        return (10 - sum % 10) % 10
    }

    static func modules(for digits: [Int]) -> [Bool] {
        var bits: [UInt8] = [1, 0, 1]
        let parity = leftParities[digits[0]]
        for (index, digit) in digits[1...6].enumerated() {
            let isEven = parity & (0b100000 >> index) != 0
            bits += isEven ? Array(rightCodes[digit].reversed()) : rightCodes[digit].map { 1 - $0 }
        }
        bits += [0, 1, 0, 1, 0]
        for digit in digits[7...12] { bits += rightCodes[digit] }
        bits += [1, 0, 1]
        return bits.map { $0 == 1 }
    }

    /// Right-hand (set C) digit patterns; set A is their complement and set B their mirror image.
    static let rightCodes: [[UInt8]] = [
        "1110010", "1100110", "1101100", "1000010", "1011100",
        "1001110", "1010000", "1000100", "1001000", "1110100",
    ].map { $0.map { $0 == "1" ? 1 : 0 } }

    /// Which of the six left digits use set B (bit set, first digit in the high bit), by the first digit.
    static let leftParities: [Int] = [
        0b000000, 0b001011, 0b001101, 0b001110, 0b010011,
        0b011001, 0b011100, 0b010101, 0b010110, 0b011010,
    ]
}
