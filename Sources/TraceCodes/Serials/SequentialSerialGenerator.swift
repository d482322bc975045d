/// Serials from a counter, zero-padded to a fixed width, optionally followed by a check digit:
/// `000001`, `000002`, … A ledger stores `counter` and restarts from it after a crash.
public struct SequentialSerialGenerator: SerialGenerator, Hashable {
    /// The value the next serial is made from.
    public private(set) var counter: UInt64
    /// Digits of the counter part; the check digit, if any, comes on top.
    public let width: Int
    public let checkCharacter: SerialCheckCharacter?

    /// - Parameters:
    ///   - counter: the first value to issue, or the stored counter when restarting.
    ///   - width: 1 to 19 counter digits (the most a UInt64 holds); with a check digit that
    ///     makes at most the 20 characters AI (21) allows.
    public init(counter: UInt64 = 1, width: Int, checkCharacter: SerialCheckCharacter? = nil) throws(TraceCodeError) {
        guard (1...19).contains(width) else {
            throw TraceCodeError("sequential serial width \(width)", .outOfRange("must be 1 to 19 digits"))
        }
        self.width = width
        self.checkCharacter = checkCharacter
        self.counter = counter
        guard counter <= maximum else {
            throw TraceCodeError("sequential serial counter \(counter)", .outOfRange("does not fit in \(width) digits"))
        }
    }

    /// The largest counter value that fits in `width` digits.
    public var maximum: UInt64 {
        (0..<width).reduce(1 as UInt64) { product, _ in product * 10 } - 1
    }

    public mutating func next() throws(TraceCodeError) -> String {
        guard counter <= maximum else {
            throw TraceCodeError("sequential serial counter \(counter)", .outOfRange(
                "all \(width)-digit serials are used up; start a new serial range"
            ))
        }
        let digits = String(counter).leftPadded(to: width)
        counter += 1
        return checkCharacter.map { digits + String($0.compute(for: digits)) } ?? digits
    }
}
