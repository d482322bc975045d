/// Which way a field is turned: the `o` parameter of `^A`, `^BC`, `^BE`.
public enum ZPLOrientation: Sendable, Hashable, CaseIterable {
    /// `N`: upright.
    case normal
    /// `R`: turned 90° clockwise.
    case rotated
    /// `I`: upside down, 180°.
    case inverted
    /// `B`: turned 270° clockwise, read from the bottom up.
    case bottomUp

    /// The orientation for a clockwise rotation of 0, 90, 180 or 270 degrees; `nil` for any other angle.
    public init?(degrees: Int) {
        switch degrees {
        case 0: self = .normal
        case 90: self = .rotated
        case 180: self = .inverted
        case 270: self = .bottomUp
        default: return nil
        }
    }

    var code: UInt8 {
        switch self {
        case .normal: UInt8(ascii: "N")
        case .rotated: UInt8(ascii: "R")
        case .inverted: UInt8(ascii: "I")
        case .bottomUp: UInt8(ascii: "B")
        }
    }
}
