/// The few line-breaking classes label text needs: a simple form of the Chinese and Japanese
/// rules (kinsoku) on top of breaking at spaces.
/// What a character means for line breaking, worked out once per character so that wrapping
/// compares bits, not `Character`s (whose comparisons normalise Unicode and are slow).
struct LineBreakClass: OptionSet {
    let rawValue: UInt8

    /// A space a line may break at; it is dropped where the line breaks.
    static let space = LineBreakClass(rawValue: 1)
    /// Punctuation that must not begin a line: it stays with the character before it.
    static let closing = LineBreakClass(rawValue: 2)
    /// Punctuation that must not end a line: it stays with the character after it.
    static let opening = LineBreakClass(rawValue: 4)
    /// A line may break on either side without a space: Chinese, Japanese and Korean
    /// characters and their full-width punctuation.
    static let ideographic = LineBreakClass(rawValue: 8)

    private static let closingScalars: Set<UInt32> = Set(
        "，。、．：；！？）］｝〕〉》」』】〗〙’”…％,.:;!?)]}%".unicodeScalars.map(\.value))
    private static let openingScalars: Set<UInt32> = Set("（［｛〔〈《「『【〖〘‘“([{".unicodeScalars.map(\.value))

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The class of `character`, from its first scalar; punctuation and spaces count only when
    /// they stand alone (a space with a combining mark is not a break).
    init(_ character: Character) {
        let scalars = character.unicodeScalars
        guard let first = scalars.first?.value else {
            self = []
            return
        }
        var result: LineBreakClass = Self.isIdeographic(first) ? .ideographic : []
        if scalars.index(after: scalars.startIndex) == scalars.endIndex {
            if first == 0x20 || first == 0x3000 { result.insert(.space) }
            if Self.closingScalars.contains(first) { result.insert(.closing) }
            if Self.openingScalars.contains(first) { result.insert(.opening) }
        }
        self = result
    }

    private static func isIdeographic(_ value: UInt32) -> Bool {
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

extension Character {
    var isClosingPunctuation: Bool { LineBreakClass(self).contains(.closing) }
    var isOpeningPunctuation: Bool { LineBreakClass(self).contains(.opening) }
}
