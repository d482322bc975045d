/// Random serials of a fixed length over `SerialAlphabet` (`0-9A-HJ-NPR-Z`, 33 symbols).
///
/// Each character carries log2(33) ≈ 5.044 bits, so a serial of length n has 5.044·n bits:
/// 6 → 30.3 bits, 12 (the default) → 60.5 bits, 16 → 80.7 bits, 20 → 100.9 bits. With 12
/// characters (33¹² ≈ 1.6·10¹⁸ values) one million serials of one GTIN collide with
/// probability about n²/2N ≈ 3·10⁻⁷, which is why callers still check for repeats.
///
/// The default source is `SystemRandomNumberGenerator`, a CSPRNG (getrandom on Linux), so
/// serials cannot be predicted from earlier ones; `BufferedSystemRandom` reads the same
/// source in large blocks for bulk issuance. Every serial of the length is equally likely:
/// up to 12 characters are the base-33 digits of one number drawn uniformly below 33¹²
/// (33¹² < 2⁶³), so a serial costs one or two draws rather than one per character.
public struct RandomSerialGenerator<Source: RandomNumberGenerator & Sendable>: SerialGenerator {
    public let length: Int
    private var source: Source

    public static var allowedLengths: ClosedRange<Int> { 6...20 }

    public init(length: Int, source: Source) throws(TraceCodeError) {
        guard Self.allowedLengths.contains(length) else {
            throw TraceCodeError("random serial length \(length)", .outOfRange(
                "must be \(Self.allowedLengths.lowerBound) to \(Self.allowedLengths.upperBound) characters"
            ))
        }
        self.length = length
        self.source = source
    }

    /// Bits of entropy in one serial.
    public var entropyBits: Double { Double(length) * SerialAlphabet.bitsPerCharacter }

    public mutating func next() throws(TraceCodeError) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { text in
            var end = length
            while end > 0 {
                let count = min(end, Self.charactersPerDraw)
                // `next(upperBound:)` draws without modulo bias.
                var number = source.next(upperBound: Self.powersOf33[count])
                for index in stride(from: end - 1, through: end - count, by: -1) {
                    text[index] = Self.symbols[Int(number % 33)]
                    number /= 33
                }
                end -= count
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    private static var charactersPerDraw: Int { 12 }
    private static var symbols: [UInt8] { SerialAlphabet.asciiSymbols }
    private static var powersOf33: [UInt64] { SerialAlphabet.powersOf33 }
}

extension RandomSerialGenerator where Source == SystemRandomNumberGenerator {
    /// Serials from the system CSPRNG.
    public init(length: Int = 12) throws(TraceCodeError) {
        try self.init(length: length, source: SystemRandomNumberGenerator())
    }
}
