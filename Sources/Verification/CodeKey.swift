import TraceCodes

/// The form in which a read and an expected code are compared: exact text, except that GS1
/// data compares by its elements whatever form carries it (so `(01)…(10)ABC`, `01…10ABC` with
/// GS, `]Q3…` and the Digital Link `https://…/01/…/10/ABC` are one code, on any domain and in
/// any element order) and EAN/UPC digits compare as GTIN-13 (a 12-digit UPC-A gains its 0).
struct CodeKey: Hashable {
    let value: String

    /// The key of an expected code as an operator or the ledger writes it.
    init(expected text: String) {
        value = Self.gs1(text).map(Self.gs1Key) ?? Self.gtin13Key(text) ?? text
    }

    /// The key of a decoded symbol.
    init(_ symbol: DecodedSymbol) {
        if let elements = Self.gs1(symbol) {
            value = Self.gs1Key(elements)
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

    /// The GS1 elements a symbol carries: its GS1 data (bracketed as some reads report it, or
    /// symbol data), or a Digital Link URI as plain text.
    static func gs1(_ symbol: DecodedSymbol) -> GS1ElementString? {
        guard symbol.isGS1 else { return digitalLink(symbol.text) }
        return gs1(symbol.text) ?? (try? GS1ElementString(symbolData: symbol.text))
    }

    private init(value: String) {
        self.value = value
    }

    /// GS1 data in any of its written forms; nil when it is not GS1.
    private static func gs1(_ text: String) -> GS1ElementString? {
        if text.hasPrefix("(") { return try? GS1ElementString(bracketed: text) }
        if text.hasPrefix("]") || text.contains(GS1ElementString.groupSeparator) { return try? GS1ElementString(symbolData: text) }
        return digitalLink(text)
    }

    private static func digitalLink(_ text: String) -> GS1ElementString? {
        let scheme = text.prefix(8).lowercased()
        guard scheme.hasPrefix("https://") || scheme.hasPrefix("http://") else { return nil }
        return try? GS1ElementString(digitalLink: text)
    }

    /// The elements sorted by AI, as symbol data: a Digital Link puts its path qualifiers
    /// before the attributes a label's element string may carry first.
    private static func gs1Key(_ elements: GS1ElementString) -> String {
        let sorted = (try? GS1ElementString(elements.elements.sorted { $0.ai < $1.ai })) ?? elements
        return "gs1:" + sorted.symbolData()
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
