extension Code128 {
    /// The bar pattern of explicit symbol values: a start value (103…105) and data values
    /// (0…102), as a ZPL printer takes them from `^BC` invocation codes. The check value and
    /// the stop pattern are added; there are no quiet zones, since the caller places the symbol.
    public static func pattern(symbolValues: [Int]) throws(SymbologyError) -> BarPattern {
        guard let start = symbolValues.first, (103...105).contains(start) else {
            throw .invalidLength(symbology: .code128, length: symbolValues.count, allowed: "a start value 103…105 first")
        }
        if let bad = symbolValues.dropFirst().firstIndex(where: { !(0...102).contains($0) }) {
            throw .invalidLength(symbology: .code128, length: symbolValues.count, allowed: "data values 0…102 (at \(bad))")
        }
        let check = symbolValues.enumerated().reduce(start) { sum, item in (sum + item.element * item.offset) % 103 }
        let values = symbolValues + [check, stopValue]
        return BarPattern(widths: values.lazy.flatMap { patterns[$0] }, leadingQuietZone: 0, trailingQuietZone: 0)
    }
}
