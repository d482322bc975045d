import Imaging
import ZPL

/// One format as the printer would print it.
public struct RenderedFormat: Sendable {
    public let bitmap: Bitmap
    /// Labels to print (`^PQ`).
    public let quantity: Int
    /// Fields the printer could not draw, each a sentence: a bad `^GF` CRC, data a symbology refuses.
    public let problems: [String]
}

extension RenderedFormat {
    /// Labels a `^PQ` command asks for: its first parameter, 1 when missing, at most the
    /// printer's eight digits.
    static func quantity(_ command: ZPLCommand) -> Int {
        // Only the first parameter is read: this runs for every format a counting printer takes.
        let space = UInt8(ascii: " ")
        var first = command.parameters.prefix { $0 != UInt8(ascii: ",") }
        while first.first == space { first.removeFirst() }
        while first.last == space { first.removeLast() }
        return min(max(Int(String(decoding: first, as: UTF8.self)) ?? 1, 1), 99_999_999)
    }
}
