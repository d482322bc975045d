import TraceCodes

/// The form in which a read and an expected code are compared: exact text, except that GS1
/// element strings compare by their parsed elements (so `(01)…(10)ABC`, `01…10ABC` with GS and
/// `]Q3…` are one code) and EAN/UPC digits compare as GTIN-13 (a 12-digit UPC-A gains its 0).
struct CodeKey: Hashable {
    let value: String

    /// The key of an expected code as an operator or the ledger writes it.
    init(expected text: String) {
        value = Self.gs1Key(text) ?? Self.gtin13Key(text) ?? text
    }

    /// The key of a decoded symbol.
    init(_ symbol: DecodedSymbol) {
        if symbol.isGS1, let key = Self.gs1Key(symbol.text) {
            value = key
        } else if [.ean13, .upcA, .ean8].contains(symbol.symbology), let key = Self.gtin13Key(symbol.text) {
            value = key
        } else {
            value = symbol.text
        }
    }

    /// The keys `symbol` may match, best first: its own, and for an EAN/UPC read with an
    /// add-on (13 digits and then 2 or 5) also its main number, because an expected GTIN
    /// names the product whatever add-on is printed beside it.
    static func candidates(for symbol: DecodedSymbol) -> [CodeKey] {
        let own = CodeKey(symbol)
        let text = symbol.text
        guard [.ean13, .upcA].contains(symbol.symbology), text.count == 15 || text.count == 18,
              text.allSatisfy(\.isASCIIDigit), let main = gtin13Key(String(text.prefix(13))) else { return [own] }
        return [own, CodeKey(value: main)]
    }

    private init(value: String) {
        self.value = value
    }

    /// GS1 data in any of its written forms, as canonical symbol data; nil when it is not GS1.
    private static func gs1Key(_ text: String) -> String? {
        let parsed: GS1ElementString? = if text.hasPrefix("(") {
            try? GS1ElementString(bracketed: text)
        } else if text.hasPrefix("]") || text.contains(GS1ElementString.groupSeparator) {
            try? GS1ElementString(symbolData: text)
        } else {
            nil
        }
        return parsed.map { "gs1:" + $0.symbolData() }
    }

    /// 12 or 13 digits (an EAN/UPC, with an add-on's digits after them kept apart) as GTIN-13.
    private static func gtin13Key(_ text: String) -> String? {
        guard text.count == 12 || text.count == 13, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return String(repeating: "0", count: 13 - text.count) + text
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
