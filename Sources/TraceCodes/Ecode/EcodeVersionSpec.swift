/// The layout of one Ecode version: V (one character), then NSI (编码体系标识, digits of a
/// fixed length), then MD (主码, master data) up to a maximum length in a character set.
public struct EcodeVersionSpec: Sendable, Hashable, Decodable {
    public enum Charset: String, Sendable, Hashable, Decodable {
        case digits
        /// 0-9 and A-Z.
        case upperAlphanumeric
        /// 0-9, A-Z and a-z.
        case alphanumeric
        /// ASCII 0x21 to 0x7E, no space.
        case printableASCII

        public var name: String {
            switch self {
            case .digits: "digits 0-9"
            case .upperAlphanumeric: "0-9 and A-Z"
            case .alphanumeric: "0-9, A-Z and a-z"
            case .printableASCII: "printable ASCII without space"
            }
        }

        public func contains(_ character: Character) -> Bool {
            guard let ascii = character.asciiValue else { return false }
            let digit = (48...57).contains(ascii)
            let upper = (65...90).contains(ascii)
            let lower = (97...122).contains(ascii)
            switch self {
            case .digits: return digit
            case .upperAlphanumeric: return digit || upper
            case .alphanumeric: return digit || upper || lower
            case .printableASCII: return (0x21...0x7E).contains(ascii)
            }
        }
    }

    /// The version character, e.g. "1" for Ecode-V1.
    public let version: String
    public let nsiLength: Int
    /// Nil where the table knows no limit.
    public let masterDataMaxLength: Int?
    public let charset: Charset
    /// What is uncertain about this row, if anything.
    public let note: String?

    public init(version: String, nsiLength: Int, masterDataMaxLength: Int?, charset: Charset, note: String? = nil) {
        self.version = version
        self.nsiLength = nsiLength
        self.masterDataMaxLength = masterDataMaxLength
        self.charset = charset
        self.note = note
    }
}
