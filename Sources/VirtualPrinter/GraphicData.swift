import Imaging
import ZPL

/// The data of `^GF` and `~DG`: ASCII hex with Zebra's compression, `:Z64:` or `:B64:`.
enum GraphicData {
    /// The largest graphic accepted, in bytes: a full 4 × 8 in label at 24 dots/mm.
    static let maximumBytes = 4 << 20

    /// `data` as a bitmap `bytesPerRow` bytes wide, `totalBytes` bytes in all.
    static func bitmap(_ data: [UInt8], totalBytes: Int, bytesPerRow: Int, subject: String) throws(ZPLError) -> Bitmap {
        guard (1...maximumBytes).contains(totalBytes), (1...totalBytes).contains(bytesPerRow) else {
            throw ZPLError(subject, .outOfRange(totalBytes, allowed: 1...maximumBytes))
        }
        let rows = totalBytes / bytesPerRow
        var bytes: [UInt8]
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: [" "])
        if text.hasPrefix(":Z64:") {
            bytes = try Z64.decode(text, maximumSize: totalBytes)
        } else if text.hasPrefix(":B64:") {
            bytes = try B64.decode(text)
        } else {
            bytes = try hex(data, bytesPerRow: bytesPerRow, rows: rows, subject: subject)
        }
        bytes = Array(bytes.prefix(rows * bytesPerRow))
        bytes += repeatElement(0, count: rows * bytesPerRow - bytes.count)
        // A bitmap row is `(width + 7) / 8` bytes, so the width is the row bytes times 8.
        return Bitmap(width: bytesPerRow * 8, height: rows, packedRows: bytes)
    }

    /// ASCII hex with the ZPL compression scheme: `G`…`Y` repeat the next digit 1…19 times,
    /// `g`…`z` 20…400 times (summed); `,` fills the row with 0, `!` with 1; `:` repeats the row.
    static func hex(_ data: [UInt8], bytesPerRow: Int, rows: Int, subject: String) throws(ZPLError) -> [UInt8] {
        let nibblesPerRow = bytesPerRow * 2
        var nibbles: [UInt8] = []
        nibbles.reserveCapacity(nibblesPerRow * rows)
        var count = 0
        let limit = nibblesPerRow * rows
        func fillRow(_ value: UInt8, into nibbles: inout [UInt8]) {
            let rest = (nibblesPerRow - nibbles.count % nibblesPerRow) % nibblesPerRow
            nibbles += repeatElement(value, count: rest)
        }
        for byte in data where nibbles.count < limit {
            switch byte {
            case UInt8(ascii: "G")...UInt8(ascii: "Y"):
                count += Int(byte - UInt8(ascii: "G")) + 1
            case UInt8(ascii: "g")...UInt8(ascii: "z"):
                count += (Int(byte - UInt8(ascii: "g")) + 1) * 20
            case UInt8(ascii: ","):
                fillRow(0, into: &nibbles)
                count = 0
            case UInt8(ascii: "!"):
                fillRow(0xF, into: &nibbles)
                count = 0
            case UInt8(ascii: ":"):
                let start = nibbles.count - nibblesPerRow
                if start >= 0 && nibbles.count % nibblesPerRow == 0 {
                    nibbles += nibbles[start...]
                }
                count = 0
            default:
                guard let value = nibble(byte) else {
                    if byte == 0x20 || byte == 0x0D || byte == 0x0A { continue }
                    throw ZPLError(subject, .syntax("'\(Character(Unicode.Scalar(byte)))' is not hex or a ZPL compression letter"))
                }
                nibbles += repeatElement(value, count: min(max(1, count), limit - nibbles.count))
                count = 0
            }
        }
        var bytes = [UInt8](repeating: 0, count: (nibbles.count + 1) / 2)
        for (index, value) in nibbles.prefix(limit).enumerated() {
            bytes[index / 2] |= index.isMultiple(of: 2) ? value << 4 : value
        }
        return bytes
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
