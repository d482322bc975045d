extension GS1ApplicationIdentifier {
    /// The AIs this station reads and writes, transcribed from the GS1 Barcode Syntax
    /// Dictionary. Associations list only supported AIs: an alternative such as (8006)
    /// cannot occur here because it would be rejected as unsupported first.
    public static let supported: [GS1ApplicationIdentifier] = [
        .init("00", "SSCC", .numeric, 18...18, linter: .checkDigit, digitalLinkQualifiers: []),
        .init("01", "GTIN", .numeric, 14...14, linter: .checkDigit, excludes: ["02", "37"],
              digitalLinkQualifiers: ["22", "10", "21"]),
        .init("02", "CONTENT", .numeric, 14...14, linter: .checkDigit, requires: [["37"]]),
        .init("10", "BATCH/LOT", .alphanumeric, 1...20, requires: [["01", "02"]]),
        .init("11", "PROD DATE", .numeric, 6...6, linter: .date, requires: [["01", "02"]]),
        .init("13", "PACK DATE", .numeric, 6...6, linter: .date, requires: [["01", "02"]]),
        .init("15", "BEST BEFORE or BEST BY", .numeric, 6...6, linter: .date, requires: [["01", "02"]]),
        .init("17", "USE BY or EXPIRY", .numeric, 6...6, linter: .date, requires: [["01", "02"]]),
        .init("21", "SERIAL", .alphanumeric, 1...20, requires: [["01"]]),
        .init("22", "CPV", .alphanumeric, 1...20, requires: [["01"]]),
        .init("240", "ADDITIONAL ID", .alphanumeric, 1...30, requires: [["01", "02"]]),
        .init("241", "CUST. PART No.", .alphanumeric, 1...30, requires: [["01", "02"]]),
        .init("254", "GLN EXTENSION COMPONENT", .alphanumeric, 1...20, requires: [["414"]]),
        .init("37", "COUNT", .numeric, 1...8, requires: [["00"], ["02"]]),
        .init("414", "LOC No.", .numeric, 13...13, linter: .checkDigit, digitalLinkQualifiers: ["254"]),
        .init("90", "INTERNAL", .alphanumeric, 1...30),
    ] + (91...99).map { .init(String($0), "INTERNAL", .alphanumeric, 1...90) }
}
