/// The serial alphabet `0-9A-HJ-NPR-Z`: digits and capitals without I, O and Q, which are
/// misread as 1 and 0. Every symbol is valid in CSET 82, in the GB/T 33993-2017 serial set
/// and unescaped in a URL.
public enum SerialAlphabet {
    public static let symbols: [Character] = Array("0123456789ABCDEFGHJKLMNPRSTUVWXYZ")

    /// log2(33) ≈ 5.044.
    public static let bitsPerCharacter = 5.044394119358453

    /// The symbols as ASCII bytes, for building serials without `Character` work.
    static let asciiSymbols: [UInt8] = symbols.map { $0.asciiValue! }

    /// 33⁰ … 33¹²: the number of serials of each length up to one 63-bit draw.
    static let powersOf33: [UInt64] = (0...12).map { count in (0..<count).reduce(1) { product, _ in product * 33 } }

    public static func contains(_ character: Character) -> Bool {
        symbols.contains(character)
    }
}
