/// A small test-side reader of what `ZPLFormat` writes: it finds commands and field data and
/// undoes the escaping, independently of the writer's code.
enum ZPLReader {
    /// The bytes between each `^FD` and the `^FS` that follows it, as sent.
    static func fields(_ zpl: [UInt8]) -> [[UInt8]] {
        var fields: [[UInt8]] = []
        var index = 0
        while let start = find([0x5E, 0x46, 0x44], in: zpl, from: index) {
            guard let end = find([0x5E, 0x46, 0x53], in: zpl, from: start + 3) else { break }
            fields.append(Array(zpl[(start + 3)..<end]))
            index = end + 3
        }
        return fields
    }

    /// Every command as its prefix and two-letter name (`^FO`, `~SD`), in order. Escaped data
    /// holds no `^` or `~`, so anything a field tried to inject would show up here.
    static func commands(_ zpl: [UInt8]) -> [String] {
        var commands: [String] = []
        for index in zpl.indices where zpl[index] == 0x5E || zpl[index] == 0x7E {
            let end = min(index + 3, zpl.count)
            commands.append(String(decoding: zpl[index..<end], as: UTF8.self))
        }
        return commands
    }

    /// Field data with every `_XX` decoded; `nil` if an indicator is not followed by two hex digits.
    static func unescape(_ field: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        var index = 0
        while index < field.count {
            if field[index] == UInt8(ascii: "_") {
                guard index + 2 < field.count,
                      let value = UInt8(String(decoding: field[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
                else { return nil }
                result.append(value)
                index += 3
            } else {
                result.append(field[index])
                index += 1
            }
        }
        return result
    }

    /// `^FB` text split at its `\&` breaks, with `\\` read as one backslash.
    static func blockLines(_ text: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: "\\"), index + 1 < text.count {
                if text[index + 1] == UInt8(ascii: "&") {
                    lines.append([])
                } else {
                    lines[lines.count - 1].append(text[index + 1])
                }
                index += 2
            } else {
                lines[lines.count - 1].append(text[index])
                index += 1
            }
        }
        return lines
    }

    /// Code 128 mode-N data read the way the printer reads it: subset switches dropped, `>8` as
    /// GS, `>0` as `>`, and only digit pairs in subset C. `nil` for anything the printer would reject.
    static func code128Data(_ text: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        var inSubsetC = false
        var index = 0
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        while index < text.count {
            if text[index] == UInt8(ascii: ">") {
                guard index + 1 < text.count else { return nil }
                switch text[index + 1] {
                case UInt8(ascii: ";"), UInt8(ascii: "5"): inSubsetC = true
                case UInt8(ascii: ":"), UInt8(ascii: "6"): inSubsetC = false
                case UInt8(ascii: "8"): result.append(0x1D)
                case UInt8(ascii: "0") where !inSubsetC: result.append(UInt8(ascii: ">"))
                default: return nil
                }
                index += 2
            } else if inSubsetC {
                guard index + 1 < text.count, isDigit(text[index]), isDigit(text[index + 1]) else { return nil }
                result += text[index...(index + 1)]
                index += 2
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        return (start...(haystack.count - needle.count)).first {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }
}
