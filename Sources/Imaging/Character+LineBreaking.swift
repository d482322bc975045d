/// The few line-breaking classes label text needs: a simple form of the Chinese and Japanese
/// rules (kinsoku) on top of breaking at spaces.
extension Character {
    /// Punctuation that must not begin a line: it stays with the character before it.
    static let closingPunctuation: Set<Character> = [
        "，", "。", "、", "．", "：", "；", "！", "？", "）", "］", "｝", "〕", "〉", "》", "」", "』", "】", "〗", "〙",
        "’", "”", "…", "％", ",", ".", ":", ";", "!", "?", ")", "]", "}", "%",
    ]

    /// Punctuation that must not end a line: it stays with the character after it.
    static let openingPunctuation: Set<Character> = [
        "（", "［", "｛", "〔", "〈", "《", "「", "『", "【", "〖", "〘", "‘", "“", "(", "[", "{",
    ]

    /// A space a line may break at; it is dropped where the line breaks.
    var isBreakingSpace: Bool { self == " " || self == "\u{3000}" }

    var isClosingPunctuation: Bool { Self.closingPunctuation.contains(self) }
    var isOpeningPunctuation: Bool { Self.openingPunctuation.contains(self) }

    /// Whether a line may break on either side of this character without a space: true for
    /// Chinese, Japanese and Korean characters and their full-width punctuation.
    var breaksWithoutSpace: Bool {
        guard let value = unicodeScalars.first?.value else { return false }
        switch value {
        case 0x1100...0x11FF,   // Hangul Jamo
             0x2E80...0x2FFF,   // CJK and Kangxi radicals
             0x3000...0x303F,   // CJK symbols and punctuation
             0x3040...0x31FF,   // kana, Bopomofo, Hangul compatibility Jamo
             0x3200...0x4DBF,   // enclosed and compatibility forms, extension A
             0x4E00...0x9FFF,   // unified ideographs
             0xAC00...0xD7AF,   // Hangul syllables
             0xF900...0xFAFF,   // compatibility ideographs
             0xFE30...0xFE4F,   // compatibility forms
             0xFF00...0xFFEF,   // full-width and half-width forms
             0x20000...0x3FFFF: // extensions B and later
            return true
        default:
            return false
        }
    }
}
