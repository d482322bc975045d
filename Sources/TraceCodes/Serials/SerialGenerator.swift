/// A source of serial numbers for AI (21).
///
/// A generator is a value: a ledger that reserves codes in blocks takes a block with
/// `next(_:)`, records it durably, then hands the codes out. Serials are unique only where
/// the generator says so; the ledger remains the judge of "never issued twice".
public protocol SerialGenerator: Sendable {
    /// The next serial, or an error when the generator has run out.
    mutating func next() throws(TraceCodeError) -> String
}

extension SerialGenerator {
    /// The next `count` serials, in order.
    public mutating func next(_ count: Int) throws(TraceCodeError) -> [String] {
        var block: [String] = []
        block.reserveCapacity(count)
        for _ in 0..<count {
            block.append(try next())
        }
        return block
    }
}
