import Foundation

/// Turns the bytes of a symbol into text when the symbol does not name its character set.
///
/// Order: UTF-8 when the bytes are valid UTF-8 (what our labels and most modern encoders
/// write); else the legacy CJK reading — GB18030, Big5 or Shift_JIS — whose characters are most
/// often common ones; else ISO 8859-1, the QR default, which maps every byte so nothing is lost.
/// Validity alone cannot choose among the CJK sets (GB18030 accepts nearly any byte string),
/// so each reading is scored by its share of characters from the set's frequent block.
public enum TextDecoding {
    public enum Charset: String, Sendable, CaseIterable {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
        case big5 = "Big5"
        case shiftJIS = "Shift_JIS"
        case latin1 = "ISO-8859-1"
    }

    /// The text of `bytes` and the character set it was read in.
    public static func decode(_ bytes: [UInt8]) -> (text: String, charset: Charset) {
        if let text = String(validating: bytes, as: UTF8.self) {
            // A byte order mark only says "UTF-8"; it is not part of the text.
            return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, .utf8)
        }
        var best: (text: String, charset: Charset, score: Double)?
        for charset in [Charset.gb18030, .big5, .shiftJIS] {
            let score = commonShare(of: bytes, as: charset)
            guard score >= 0.5, score > best?.score ?? 0,
                  let text = String(bytes: bytes, encoding: charset.encoding) else { continue }
            best = (text, charset, score)
        }
        if let best { return (best.text, best.charset) }
        return (String(String.UnicodeScalarView(bytes.map(Unicode.Scalar.init))), .latin1)
    }
}

extension TextDecoding.Charset {
    var encoding: String.Encoding {
        switch self {
        case .utf8: .utf8
        case .latin1: .isoLatin1
        case .shiftJIS: .shiftJIS
        // Foundation reaches these through their CFStringEncoding numbers (kCFStringEncodingGB_18030_2000, kCFStringEncodingBig5).
        case .gb18030: String.Encoding(rawValue: 0x8000_0632)
        case .big5: String.Encoding(rawValue: 0x8000_0A03)
        }
    }
}
