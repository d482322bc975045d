/// Where a field sits, in dots from the label home (`^LH0,0`).
public enum ZPLFieldPosition: Sendable, Hashable {
    /// `^FO`: the field's top-left corner.
    case origin(x: Int, y: Int)
    /// `^FT`: the left end of a text field's baseline, or a barcode's bottom-left corner. The same
    /// text sits at a different height under `^FO` and `^FT`.
    case typeset(x: Int, y: Int)

    func write(into out: inout [UInt8]) throws(ZPLError) {
        switch self {
        case let .origin(x, y):
            try ZPLError.check(x, in: ZPLError.dots, "^FO x")
            try ZPLError.check(y, in: ZPLError.dots, "^FO y")
            out.append(ascii: "^FO")
            Self.append(x, y, to: &out)
        case let .typeset(x, y):
            try ZPLError.check(x, in: ZPLError.dots, "^FT x")
            try ZPLError.check(y, in: ZPLError.dots, "^FT y")
            out.append(ascii: "^FT")
            Self.append(x, y, to: &out)
        }
    }

    private static func append(_ x: Int, _ y: Int, to out: inout [UInt8]) {
        out.append(decimal: x)
        out.append(UInt8(ascii: ","))
        out.append(decimal: y)
    }
}

extension ZPLFieldPosition: CustomStringConvertible {
    /// The command as written, so that errors say which field they are about.
    public var description: String {
        switch self {
        case let .origin(x, y): "^FO\(x),\(y)"
        case let .typeset(x, y): "^FT\(x),\(y)"
        }
    }
}
