/// The EAN/UPC digit patterns as run widths in modules, for `EANRowDecoder`.
///
/// Set A (odd parity) starts with a space, set B (even) is set A mirrored, set C (right half)
/// is set A with bars and spaces swapped, so it starts with a bar.
enum EANDigitPatterns {
    enum CodeSet {
        case a, b, c

        /// Which two of the four runs are bars.
        var barRuns: (Int, Int) { self == .c ? (0, 2) : (1, 3) }
    }

    /// Set A run widths (space, bar, space, bar) of the digits 0…9.
    static let setA: [[Float]] = [
        [3, 2, 1, 1], [2, 2, 2, 1], [2, 1, 2, 2], [1, 4, 1, 1], [1, 1, 3, 2],
        [1, 2, 3, 1], [1, 1, 1, 4], [1, 3, 1, 2], [1, 2, 1, 3], [3, 1, 1, 2],
    ]

    /// The run widths of `digit` in `set`.
    static func widths(of digit: Int, in set: CodeSet) -> [Float] {
        set == .b ? setA[digit].reversed() : setA[digit]
    }

    /// Which of the six left digits of an EAN-13 use set B (bit set, first of them in the high
    /// bit), by the leading digit, which is encoded only by them.
    static let leftParities: [Int] = [
        0b000000, 0b001011, 0b001101, 0b001110, 0b010011,
        0b011001, 0b011100, 0b010101, 0b010110, 0b011010,
    ]

    /// Which of an EAN-5 add-on's digits use set B (first digit in bit 4), by its check value.
    static let addOn5Parities: [Int] = [0x18, 0x14, 0x12, 0x11, 0x0C, 0x06, 0x03, 0x0A, 0x09, 0x05]

    /// Whether the last of `digits` is the GS1 mod-10 check digit of the others.
    static func hasValidCheckDigit(_ digits: [Int]) -> Bool {
        guard let check = digits.last else { return false }
        let sum = digits.dropLast().reversed().enumerated().reduce(0) { $0 + $1.element * ($1.offset.isMultiple(of: 2) ? 3 : 1) }
        return (10 - sum % 10) % 10 == check
    }

    /// An EAN-5 add-on's check value: 3 × the odd positions plus 9 × the even ones, mod 10.
    static func addOn5Check(_ digits: [Int]) -> Int {
        (3 * (digits[0] + digits[2] + digits[4]) + 9 * (digits[1] + digits[3])) % 10
    }
}
