/// The one error of ZPL: which input broke which rule.
///
/// `subject` names the command and parameter, or the field, that was checked, so that the
/// description reads as one sentence an operator can act on, for example
/// `^BQ field data: 3100 bytes, the limit is 2953; shorten the data or lower the error correction`.
public struct ZPLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was checked: `^FO x`, `^A0 height`, `^FD of ^BC`, `Z64 CRC`.
    public let subject: String
    /// The rule the input broke.
    public let rule: Rule

    public init(_ subject: String, _ rule: Rule) {
        self.subject = subject
        self.rule = rule
    }

    public var description: String { "\(subject): \(rule)" }

    /// A rule of ZPL or of a graphic encoding, with what was found where the rule needs it.
    public enum Rule: Equatable, Sendable, CustomStringConvertible {
        case empty
        /// A number the printer would clamp or ignore without saying so.
        case outOfRange(Int, allowed: ClosedRange<Int>)
        /// More data than the field holds; `unit` names what was counted, such as "bytes".
        case tooLong(length: Int, limit: Int, unit: String)
        case wrongLength(found: Int, expected: Int, unit: String)
        /// A byte the field cannot carry; `position` counts from 0 in the UTF-8 bytes.
        case character(UInt8, position: Int, allowed: String)
        /// Text that does not have the form the command needs, such as a font file name.
        case syntax(String)
        /// A checksum that does not match the data it covers.
        case checksumMismatch(found: String, computed: String)
        /// Compressed data that zlib cannot inflate.
        case corrupt(String)

        public var description: String {
            switch self {
            case .empty:
                "is empty; give at least one character"
            case let .outOfRange(value, allowed):
                "\(value) is out of range; use \(allowed.lowerBound)…\(allowed.upperBound)"
            case let .tooLong(length, limit, unit):
                "\(length) \(unit), the limit is \(limit); shorten the data"
            case let .wrongLength(found, expected, unit):
                "\(found) \(unit), expected \(expected)"
            case let .character(byte, position, allowed):
                "\(Self.describe(byte)) at byte \(position) cannot be encoded; allowed: \(allowed)"
            case let .syntax(reason), let .corrupt(reason):
                reason
            case let .checksumMismatch(found, computed):
                "checksum is \(found) but the data gives \(computed); the data was changed or cut short"
            }
        }

        /// A byte as an operator can recognise it: the character when printable, its code otherwise.
        private static func describe(_ byte: UInt8) -> String {
            let code = (byte < 0x10 ? "0x0" : "0x") + String(byte, radix: 16, uppercase: true)
            return (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))' (\(code))" : code
        }
    }
}
