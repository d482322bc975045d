/// How dark the printer burns a format.
public enum ZPLDarkness: Sendable, Hashable {
    /// `~SD`: darkness 0…30, set as soon as the printer receives it, until changed again.
    case absolute(Int)
    /// `^MD`: −30…30 added to the darkness set on the printer, for the formats that follow.
    case relative(Int)

    func write(into out: inout [UInt8]) throws(ZPLError) {
        switch self {
        case let .absolute(level):
            try ZPLError.check(level, in: 0...30, "~SD darkness")
            out.append(ascii: "~SD")
            out.append(decimal: level, width: 2)
        case let .relative(adjustment):
            try ZPLError.check(adjustment, in: -30...30, "^MD darkness")
            out.append(ascii: "^MD")
            out.append(decimal: adjustment)
        }
    }
}
