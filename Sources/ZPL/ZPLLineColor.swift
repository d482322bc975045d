/// The colour `^GB` draws with: black burns dots, white clears them over what lies beneath.
public enum ZPLLineColor: Sendable, Hashable, CaseIterable {
    case black
    case white

    var code: UInt8 {
        switch self {
        case .black: UInt8(ascii: "B")
        case .white: UInt8(ascii: "W")
        }
    }
}
