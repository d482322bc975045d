/// The character sets an alphanumeric GS1 value may be checked against.
public enum GS1CharacterSet: String, Sendable, CaseIterable {
    /// GS1 CSET 82: `! " % & ' ( ) * + , - . / 0-9 : ; < = > ? A-Z _ a-z`, no space.
    case cset82
    /// GB/T 33993-2017 商品二维码 Table B.1 for batch and serial: CSET 82 without `% & / < > ?`.
    case gbt33993

    static let cset82Characters: Set<Character> = Set(
        "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
    )
    static let gbt33993Excluded: Set<Character> = Set("%&/<>?")

    public var name: String {
        switch self {
        case .cset82: "CSET 82"
        case .gbt33993: "the GB/T 33993-2017 batch/serial set (CSET 82 without % & / < > ?)"
        }
    }

    public func contains(_ character: Character) -> Bool {
        switch self {
        case .cset82: Self.cset82Characters.contains(character)
        case .gbt33993: Self.cset82Characters.contains(character) && !Self.gbt33993Excluded.contains(character)
        }
    }

    /// Throws for the first character of `text` outside this set.
    func validate(_ text: String, subject: String) throws(TraceCodeError) {
        for (offset, character) in text.enumerated() where !contains(character) {
            throw TraceCodeError(subject, .character(character, position: offset + 1, allowedSet: name))
        }
    }
}
