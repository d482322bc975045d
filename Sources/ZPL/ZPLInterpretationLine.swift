/// The human-readable text of a linear barcode: the `f` and `g` parameters of `^BC` and `^BE`.
public enum ZPLInterpretationLine: Sendable, Hashable, CaseIterable {
    case none
    case below
    case above

    func write(into out: inout [UInt8]) {
        switch self {
        case .none: out.append(ascii: "N,N")
        case .below: out.append(ascii: "Y,N")
        case .above: out.append(ascii: "Y,Y")
        }
    }
}
