import Imaging
import ZPL

/// One format as the printer would print it.
public struct RenderedFormat: Sendable {
    public let bitmap: Bitmap
    /// Labels to print (`^PQ`).
    public let quantity: Int
    /// Fields the printer could not draw, each a sentence: a bad `^GF` CRC, data a symbology refuses.
    public let problems: [String]
    /// Where its barcodes and QR codes lie, in dots.
    public var symbolAreas: [DotRect] = []

    /// The label as printed under a ribbon wrinkle, so that it prints but cannot be read:
    /// every symbol the printer drew from its own commands is wiped white; a label sent as a
    /// graphic (a station in bitmap mode), whose symbols the printer cannot tell apart, loses
    /// the middle half of its length, as a wrinkle's white streak across the ribbon would.
    var damagedBitmap: Bitmap {
        var damaged = bitmap
        let areas = symbolAreas.isEmpty
            ? [DotRect(x: 0, y: bitmap.height / 4, width: bitmap.width, height: bitmap.height / 2)]
            : symbolAreas
        for area in areas where area.width > 0 && area.height > 0 {
            var wipe = Bitmap(width: area.width, height: area.height)
            wipe.fill(x: 0, y: 0, width: area.width, height: area.height)
            damaged.draw(wipe, x: area.x, y: area.y, mode: .erase)
        }
        return damaged
    }
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
