/// Field data as the printer must receive it: every `^FD` is preceded by `^FH_`, and every
/// byte that could end the field, start a command or change how the rest is read is written
/// as `_XX`.
///
/// Why these bytes:
/// - `^` and `~` start commands, and a `~` command runs as soon as it arrives, even inside a
///   field (`~JA` cancels every queued format).
/// - `_` is the hex indicator itself.
/// - Control bytes (CR, LF, tab, DEL…) are not text; some printers drop or act on them.
///
/// Escaping works on UTF-8 bytes, as the printer reads `_XX` under `^CI28` [ZPL guide ^FH].
enum FieldData {
    /// The ZPL guide's `^FD` limit: "any data string up to 3072 bytes". The guide does not say
    /// whether `_XX` counts as one byte or three, so the bytes as sent are counted.
    static let limit = 3072

    static let hexIndicator = UInt8(ascii: "_")

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "^") || byte == UInt8(ascii: "~") || byte == hexIndicator
    }

    @inline(__always)
    static func append(_ byte: UInt8, to out: inout [UInt8]) {
        if needsEscape(byte) {
            out.append(hexIndicator)
            out.append(hexByte: byte)
        } else {
            out.append(byte)
        }
    }

    static func append(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            append(byte, to: &out)
        }
    }

    /// Writes `^FH_^FD`, lets `write` append the field's bytes, checks the limit and closes
    /// the field with `^FS`.
    static func field(
        _ subject: @autoclosure () -> String, into out: inout [UInt8], _ write: (inout [UInt8]) -> Void
    ) throws(ZPLError) {
        out.append(ascii: "^FH_^FD")
        let start = out.count
        write(&out)
        let length = out.count - start
        guard length <= limit else {
            throw ZPLError(subject(), .tooLong(length: length, limit: limit, unit: "bytes as sent (after escaping)"))
        }
        out.append(ascii: "^FS")
    }
}
