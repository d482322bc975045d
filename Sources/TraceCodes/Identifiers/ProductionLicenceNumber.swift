/// A 工业产品生产许可证 number: national `XK08-001-04763` (industry – product – enterprise),
/// or provincial with the province's one-character abbreviation, `(鄂)XK12-001-00018`.
///
/// Full-width parentheses `（鄂）`, as printed on many certificates, are accepted too; the
/// description uses ASCII parentheses.
public struct ProductionLicenceNumber: Hashable, Sendable, CustomStringConvertible {
    /// The issuing province's abbreviation for a provincial licence, nil for a national one.
    public let province: Character?
    public let industry: String
    public let product: String
    public let enterprise: String

    private static let layout = Array("XK##-###-#####")

    public init(_ text: String) throws(TraceCodeError) {
        let subject = "production licence number \(text)"
        var characters = Array(text)
        guard !characters.isEmpty else { throw TraceCodeError(subject, .empty) }
        var province: Character?
        var offset = 0
        if characters[0] == "(" || characters[0] == "（" {
            let closing: Character = characters[0] == "(" ? ")" : "）"
            guard characters.count >= 3, characters[2] == closing else {
                throw TraceCodeError(subject, .syntax("a provincial prefix is one character in parentheses, e.g. (鄂)"))
            }
            guard let scalar = characters[1].unicodeScalars.first, characters[1].unicodeScalars.count == 1,
                  (0x4E00...0x9FA5).contains(scalar.value) else {
                throw TraceCodeError(subject, .character(characters[1], position: 2, allowedSet: "Chinese province abbreviations"))
            }
            province = characters[1]
            characters.removeFirst(3)
            offset = 3
        }
        guard characters.count == Self.layout.count else {
            throw TraceCodeError(subject, .syntax(
                "after the optional province the number has \(characters.count) characters, expected \(Self.layout.count) as in XKNN-NNN-NNNNN"
            ))
        }
        for (index, (character, expected)) in zip(characters, Self.layout).enumerated() {
            let fits = expected == "#" ? character.isASCIIDigit : character == expected
            guard fits else {
                let wanted = expected == "#" ? "a digit" : "'\(expected)'"
                throw TraceCodeError(subject, .syntax(
                    "character '\(character)' at position \(offset + index + 1) should be \(wanted), as in XKNN-NNN-NNNNN"
                ))
            }
        }
        self.province = province
        industry = String(characters[2..<4])
        product = String(characters[5..<8])
        enterprise = String(characters[9..<14])
    }

    public var description: String {
        (province.map { "(\($0))" } ?? "") + "XK\(industry)-\(product)-\(enterprise)"
    }
}
