/// A QR Code's error correction level: the first switch of `^BQ` field data.
public enum ZPLQRErrorCorrection: Sendable, Hashable, CaseIterable {
    /// L: about 7 % of the symbol may be lost.
    case low
    /// M: about 15 %.
    case medium
    /// Q: about 25 %.
    case quartile
    /// H: about 30 %.
    case high

    var code: UInt8 {
        switch self {
        case .low: UInt8(ascii: "L")
        case .medium: UInt8(ascii: "M")
        case .quartile: UInt8(ascii: "Q")
        case .high: UInt8(ascii: "H")
        }
    }

    /// What the largest symbol (version 40) holds at this level, by the mode of its data
    /// (ISO/IEC 18004 table 7).
    var capacity: (numeric: Int, alphanumeric: Int, bytes: Int) {
        switch self {
        case .low: (7089, 4296, 2953)
        case .medium: (5596, 3391, 2331)
        case .quartile: (3993, 2420, 1663)
        case .high: (3057, 1852, 1273)
        }
    }
}
