/// The font of a text field, with its size in dots.
public enum ZPLFont: Sendable, Hashable {
    /// `^A0`: the printer's built-in scalable font. Latin script only.
    case scalable(height: Int, width: Int)
    /// `^A@`: a font file in printer storage, named `<drive>:<name>.<TTF|TTE|FNT>`, such as
    /// `E:SIMSUN.TTF`: the way to print Chinese, with `^CI28` and UTF-8 data.
    case file(path: String, height: Int, width: Int)

    /// The ZPL guide's range for a scalable font's height and width.
    static let sizes = 10...32000

    func write(_ orientation: ZPLOrientation, into out: inout [UInt8]) throws(ZPLError) {
        switch self {
        case let .scalable(height, width):
            try ZPLError.check(height, in: Self.sizes, "^A0 height")
            try ZPLError.check(width, in: Self.sizes, "^A0 width")
            out.append(ascii: "^A0")
            Self.append(orientation, height, width, to: &out)
        case let .file(path, height, width):
            try Self.validate(path: path)
            try ZPLError.check(height, in: Self.sizes, "^A@ height")
            try ZPLError.check(width, in: Self.sizes, "^A@ width")
            out.append(ascii: "^A@")
            Self.append(orientation, height, width, to: &out)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: path.utf8)
        }
    }

    private static func append(_ orientation: ZPLOrientation, _ height: Int, _ width: Int, to out: inout [UInt8]) {
        out.append(orientation.code)
        out.append(UInt8(ascii: ","))
        out.append(decimal: height)
        out.append(UInt8(ascii: ","))
        out.append(decimal: width)
    }

    /// A font path is a command parameter, not field data: it cannot be escaped, so only the
    /// characters of Zebra file names pass, and no `^`, `~` or `,` can reach the printer.
    private static func validate(path: String) throws(ZPLError) {
        let subject = "^A@ font \"\(path)\""
        let form = "expected <drive>:<name>.<TTF|TTE|FNT> with drive R, E, B, A or Z and a name of "
            + "1…16 letters, digits, '_' or '-', such as E:SIMSUN.TTF"
        let bytes = Array(path.utf8)
        guard bytes.count >= 7, bytes[1] == UInt8(ascii: ":"), Array("REBAZ".utf8).contains(bytes[0]) else {
            throw ZPLError(subject, .syntax(form))
        }
        let name = bytes[2...]
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else {
            throw ZPLError(subject, .syntax(form))
        }
        let stem = name[..<dot]
        let fileExtension = String(decoding: name[(dot + 1)...], as: UTF8.self).uppercased()
        let isNameByte = { (byte: UInt8) in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard (1...16).contains(stem.count), stem.allSatisfy(isNameByte), ["TTF", "TTE", "FNT"].contains(fileExtension)
        else {
            throw ZPLError(subject, .syntax(form))
        }
    }
}
