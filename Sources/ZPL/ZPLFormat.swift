/// One label format, written as ZPL II bytes: `^XA^CI28^PW<w>^LL<h>^LH0,0`, the fields, then
/// `^PQ<q>^XZ`.
///
/// Each field method checks its input and throws `ZPLError` naming the command and rule; a
/// refused field leaves the format as it was. All field data goes through `^FH` escaping, so
/// no input can end a field or inject a command.
///
/// The host owns serial numbers: a format never holds `^SN`, so the station knows, and logs,
/// the code on every label before it prints.
public struct ZPLFormat: Sendable, Hashable {
    /// Print width (`^PW`) in dots.
    public let width: Int
    /// Label length (`^LL`) in dots.
    public let length: Int
    /// Labels printed from this format (`^PQ`).
    public let quantity: Int
    private var buffer: [UInt8]

    /// Starts a format of `width` × `length` dots, in UTF-8 (`^CI28`), with the label home at 0,0.
    ///
    /// - Parameters:
    ///   - darkness: `~SD` or `^MD`; the printer's own setting when `nil`.
    ///   - printSpeed: `^PR`, inches per second (1…14); the printer's own setting when `nil`.
    public init(
        width: Int, length: Int, quantity: Int = 1, darkness: ZPLDarkness? = nil, printSpeed: Int? = nil
    ) throws(ZPLError) {
        try ZPLError.check(width, in: 2...32000, "^PW print width")
        try ZPLError.check(length, in: 1...32000, "^LL label length")
        try ZPLError.check(quantity, in: 1...99_999_999, "^PQ quantity")
        self.width = width
        self.length = length
        self.quantity = quantity
        buffer = []
        buffer.reserveCapacity(512)
        buffer.append(ascii: "^XA^CI28^PW")
        buffer.append(decimal: width)
        buffer.append(ascii: "^LL")
        buffer.append(decimal: length)
        buffer.append(ascii: "^LH0,0")
        try darkness?.write(into: &buffer)
        if let printSpeed {
            try ZPLError.check(printSpeed, in: 1...14, "^PR print speed")
            buffer.append(ascii: "^PR")
            buffer.append(decimal: printSpeed)
        }
    }

    /// The whole format, ready to send to the printer.
    public var bytes: [UInt8] {
        var result = buffer
        result.append(ascii: "^PQ")
        result.append(decimal: quantity)
        result.append(ascii: "^XZ")
        return result
    }

    /// The whole format as text. Lossless: every byte comes from Swift strings or is ASCII.
    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Runs `write` on the buffer and undoes what it wrote if it throws.
    mutating func addField(_ write: (inout [UInt8]) throws(ZPLError) -> Void) throws(ZPLError) {
        let mark = buffer.count
        do throws(ZPLError) {
            try write(&buffer)
        } catch {
            buffer.removeSubrange(mark...)
            throw error
        }
    }
}
