/// A 数字身份码 (digital identity code). Its issuer and format are not public, so it is an
/// opaque string checked only against configured rules.
public struct DigitalIdentityCode: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String, rules: Rules = .permissive) throws(TraceCodeError) {
        try rules.validate(text)
        self.text = text
    }

    public var description: String { text }

    /// The configured rules.
    public struct Rules: Sendable, Hashable {
        public let maxLength: Int
        public let allowedCharacters: Set<Character>
        public let allowedCharactersName: String
        /// A regular expression the whole code must match, if configured.
        public let pattern: String?

        /// Up to 64 characters of ASCII 0x21 to 0x7E (printable, no space), no pattern.
        public static let permissive = Rules(
            checkedMaxLength: 64, allowedCharacters: printableASCII,
            allowedCharactersName: "printable ASCII without space", pattern: nil
        )

        public static let printableASCII: Set<Character> = Set((0x21...0x7E).map { Character(Unicode.Scalar(UInt8($0))) })

        public init(
            maxLength: Int = 64,
            allowedCharacters: Set<Character> = printableASCII,
            allowedCharactersName: String = "printable ASCII without space",
            pattern: String? = nil
        ) throws(TraceCodeError) {
            guard maxLength > 0 else {
                throw TraceCodeError("digital identity code rules", .outOfRange("maximum length \(maxLength) must be positive"))
            }
            if let pattern {
                do {
                    _ = try Regex(pattern)
                } catch {
                    throw TraceCodeError("digital identity code pattern \(pattern)", .syntax("is not a valid regular expression: \(error)"))
                }
            }
            self.init(checkedMaxLength: maxLength, allowedCharacters: allowedCharacters,
                      allowedCharactersName: allowedCharactersName, pattern: pattern)
        }

        private init(checkedMaxLength: Int, allowedCharacters: Set<Character>, allowedCharactersName: String, pattern: String?) {
            maxLength = checkedMaxLength
            self.allowedCharacters = allowedCharacters
            self.allowedCharactersName = allowedCharactersName
            self.pattern = pattern
        }

        func validate(_ text: String) throws(TraceCodeError) {
            let subject = "digital identity code \(text)"
            guard !text.isEmpty else { throw TraceCodeError(subject, .empty) }
            guard text.count <= maxLength else {
                throw TraceCodeError(subject, .lengthOutOfRange(found: text.count, allowed: 1...maxLength))
            }
            for (offset, character) in text.enumerated() where !allowedCharacters.contains(character) {
                throw TraceCodeError(subject, .character(character, position: offset + 1, allowedSet: allowedCharactersName))
            }
            // Regex is not Sendable, so it is compiled per check; the pattern was proven valid in init.
            if let pattern, let regex = try? Regex(pattern), (try? regex.wholeMatch(in: text)) == nil {
                throw TraceCodeError(subject, .syntax("does not match the configured pattern \(pattern)"))
            }
        }
    }
}
