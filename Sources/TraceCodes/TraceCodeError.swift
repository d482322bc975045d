/// The one error of TraceCodes: which input broke which rule.
///
/// `subject` names the part that was checked together with its text, so that the
/// description reads as one sentence an operator can act on, for example
/// `GTIN 06901234567893: check digit is 3, expected 2`.
public struct TraceCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The part that was checked, quoting the input: `GTIN 06901234567893`, `AI (21) "A 001"`.
    public let subject: String
    /// The rule the input broke.
    public let rule: Rule

    public init(_ subject: String, _ rule: Rule) {
        self.subject = subject
        self.rule = rule
    }

    public var description: String { "\(subject): \(rule)" }

    /// A rule of a code scheme, with what was found where the rule needs it.
    public enum Rule: Equatable, Sendable, CustomStringConvertible {
        case empty
        case checkDigit(found: Character, expected: Character)
        /// As `checkDigit`, for schemes whose check is a letter or digit.
        case checkCharacter(found: Character, expected: Character)
        case wrongLength(found: Int, expected: [Int])
        case lengthOutOfRange(found: Int, allowed: ClosedRange<Int>)
        /// A character outside the named set; `position` counts from 1.
        case character(Character, position: Int, allowedSet: String)
        case invalidDate(String)
        case outOfRange(String)
        case unknownApplicationIdentifier(String)
        case repeatedApplicationIdentifier(String)
        case missingAssociation(ai: String, requiresOneOf: [String])
        case excludedAssociation(ai: String, with: String)
        case syntax(String)
        case unreadable(String)

        public var description: String {
            switch self {
            case .empty:
                "is empty"
            case let .checkDigit(found, expected):
                "check digit is \(found), expected \(expected)"
            case let .checkCharacter(found, expected):
                "check character is \(found), expected \(expected)"
            case let .wrongLength(found, expected):
                "length is \(found), expected \(Self.list(expected.map(String.init), conjunction: "or"))"
            case let .lengthOutOfRange(found, allowed):
                "length is \(found), expected \(allowed.lowerBound) to \(allowed.upperBound)"
            case let .character(character, position, allowedSet):
                "character \(Self.quoted(character)) at position \(position) is not in \(allowedSet)"
            case let .invalidDate(reason), let .outOfRange(reason), let .syntax(reason), let .unreadable(reason):
                reason
            case let .unknownApplicationIdentifier(ai):
                "(\(ai)) is not a supported application identifier"
            case let .repeatedApplicationIdentifier(ai):
                "AI (\(ai)) appears more than once"
            case let .missingAssociation(ai, requiresOneOf):
                "AI (\(ai)) requires \(Self.list(requiresOneOf.map { "(\($0))" }, conjunction: "or")) in the same code"
            case let .excludedAssociation(ai, other):
                "AI (\(ai)) must not appear together with (\(other))"
            }
        }

        private static func list(_ items: [String], conjunction: String) -> String {
            guard items.count > 1 else { return items.first ?? "" }
            return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }

        /// Control characters such as GS are shown by their code so that the message stays printable.
        private static func quoted(_ character: Character) -> String {
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
               scalar.value < 0x20 || scalar.value == 0x7F {
                return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            }
            return "'\(character)'"
        }
    }
}
