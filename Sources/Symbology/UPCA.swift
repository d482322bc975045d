/// UPC-A: 12 digits, printed as the EAN-13 symbol of the same number with a leading zero.
public enum UPCA {
    /// Light modules the standard requires on each side.
    public static let quietZone = 9

    /// The 12 digits to encode: 11 digits get their check digit appended; 12 must end in the right one.
    public static func completed(_ data: [UInt8]) throws(SymbologyError) -> [Int] {
        try EAN13.completed(data, length: 12, symbology: .upca)
    }

    public static func pattern(for data: [UInt8]) throws(SymbologyError) -> BarPattern {
        BarPattern(
            modules: EAN13.modules(for: [0] + (try completed(data))),
            leadingQuietZone: quietZone, trailingQuietZone: quietZone)
    }
}
