/// One GS1 Application Identifier: its data format, linters, associations and Digital
/// Link role, as in the GS1 Barcode Syntax Dictionary.
public struct GS1ApplicationIdentifier: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// Digits only ("N" in the dictionary).
        case numeric
        /// GS1 CSET 82 ("X").
        case alphanumeric
    }

    public enum Linter: Sendable, Hashable {
        /// The last digit is a GS1 mod-10 check digit (`csum`).
        case checkDigit
        /// A real date YYMMDD, DD = 00 allowed (`yymmd0`).
        case date
    }

    /// The AI digits, e.g. "01".
    public let code: String
    public let title: String
    public let content: Content
    /// Allowed data lengths; fixed-length AIs have a single-value range.
    public let length: ClosedRange<Int>
    public let linter: Linter?
    /// Each inner list is a set of alternatives; every list needs one of its AIs present.
    public let requires: [[String]]
    /// AIs that must not appear together with this one.
    public let excludes: [String]
    /// For a Digital Link primary key, its qualifiers in the order they must appear; nil otherwise.
    public let digitalLinkQualifiers: [String]?

    init(
        _ code: String, _ title: String, _ content: Content, _ length: ClosedRange<Int>,
        linter: Linter? = nil, requires: [[String]] = [], excludes: [String] = [],
        digitalLinkQualifiers: [String]? = nil
    ) {
        self.code = code
        self.title = title
        self.content = content
        self.length = length
        self.linter = linter
        self.requires = requires
        self.excludes = excludes
        self.digitalLinkQualifiers = digitalLinkQualifiers
    }

    public var isDigitalLinkPrimaryKey: Bool { digitalLinkQualifiers != nil }

    /// Whether the element needs no FNC1/GS after it: decided by the first two digits of the
    /// AI alone, through the predefined-length table of the GS1 General Specifications.
    public var hasPredefinedLength: Bool {
        Self.predefinedLengths[String(code.prefix(2))] != nil
    }

    /// Total element length (AI and data) by first two AI digits, for AIs whose length is
    /// predefined. This table is fixed by GS1 and never grows, so that old decoders keep working.
    public static let predefinedLengths: [String: Int] = [
        "00": 20, "01": 16, "02": 16, "03": 16, "04": 18,
        "11": 8, "12": 8, "13": 8, "14": 8, "15": 8, "16": 8, "17": 8, "18": 8, "19": 8,
        "20": 4,
        "31": 10, "32": 10, "33": 10, "34": 10, "35": 10, "36": 10,
        "41": 16,
    ]

    /// The supported AI with this code, or nil.
    public static func named(_ code: String) -> GS1ApplicationIdentifier? {
        byCode[code]
    }

    private static let byCode: [String: GS1ApplicationIdentifier] = Dictionary(
        uniqueKeysWithValues: supported.map { ($0.code, $0) }
    )
}
