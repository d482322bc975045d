import TraceCodes

/// Random serials over `SerialAlphabet` as the ledger issues them: uniform over all serials of
/// the length, like `RandomSerialGenerator`, but with one random number per up to 12
/// characters instead of one per character.
///
/// 33¹² < 2⁶³, so 12 characters are the base-33 digits of one number drawn uniformly below
/// 33¹² (by rejection, so without modulo bias); longer serials take a second number.
struct SerialDrawer {
    static let symbols = Array(SerialAlphabet.symbols.map { $0.asciiValue! })
    static let charactersPerDraw = 12

    let length: Int
    private var random = SystemRandomBuffer()

    init(length: Int) throws {
        _ = try RandomSerialGenerator(length: length)
        self.length = length
    }

    mutating func next() -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { text in
            var end = length
            while end > 0 {
                let count = min(end, Self.charactersPerDraw)
                var number = draw(below: Self.power(count))
                for index in stride(from: end - 1, through: end - count, by: -1) {
                    text[index] = Self.symbols[Int(number % 33)]
                    number /= 33
                }
                end -= count
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// A number uniform in `0..<bound`: draws falling in the incomplete last multiple of
    /// `bound` are redrawn (fewer than 1 in 11 for 33¹²).
    private mutating func draw(below bound: UInt64) -> UInt64 {
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = random.next()
            if value < limit { return value % bound }
        }
    }

    static func power(_ count: Int) -> UInt64 {
        (0..<count).reduce(1) { product, _ in product * 33 }
    }
}
