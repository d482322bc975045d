extension GS1ElementString {
    /// ASCII GS (0x1D), which stands for FNC1 as a separator in transmitted data.
    public static let groupSeparator: Character = "\u{1D}"

    /// Symbology identifiers that announce GS1 data: GS1-128, GS1 DataBar, GS1 DataMatrix,
    /// GS1 QR Code and GS1 DotCode.
    public static let gs1SymbologyIdentifiers: Set<String> = ["]C1", "]e0", "]d2", "]Q3", "]J1"]

    /// The element string as a symbol encodes it: AIs and data concatenated, with `fnc1`
    /// after every element whose AI is not of predefined length, except the last.
    /// The leading FNC1 of a GS1 symbol is the symbology layer's to add.
    public func symbolData(fnc1: String = String(groupSeparator)) -> String {
        var data = ""
        for (index, element) in elements.enumerated() {
            data += element.ai + element.value
            let definition = GS1ApplicationIdentifier.named(element.ai)!
            if !definition.hasPredefinedLength, index < elements.count - 1 {
                data += fnc1
            }
        }
        return data
    }

    /// Parses scanned or decoded data such as `]Q3010690123456789211250301` `10ABC<GS>21X`.
    ///
    /// A leading GS1 symbology identifier is optional, and so is one leading GS (some
    /// decoders transmit the first FNC1). A GS directly after an element of predefined
    /// length is tolerated, as GS1 decoders do.
    public init(symbolData text: String, options: GS1ValidationOptions = .gs1) throws(TraceCodeError) {
        let subject = "symbol data \(text.map { $0 == Self.groupSeparator ? "<GS>" : String($0) }.joined())"
        var characters = Array(text)
        if characters.first == "]" {
            let identifier = String(characters.prefix(3))
            guard Self.gs1SymbologyIdentifiers.contains(identifier) else {
                throw TraceCodeError(subject, .syntax(
                    "symbology identifier \(identifier) does not announce GS1 data (expected \(Self.gs1SymbologyIdentifiers.sorted().joined(separator: ", ")))"
                ))
            }
            characters.removeFirst(3)
        }
        if characters.first == Self.groupSeparator { characters.removeFirst() }
        guard !characters.isEmpty else { throw TraceCodeError(subject, .empty) }

        var elements: [GS1Element] = []
        var index = 0
        while index < characters.count {
            let start = index
            guard let definition = (2...4).lazy.compactMap({ length -> GS1ApplicationIdentifier? in
                guard start + length <= characters.count else { return nil }
                return GS1ApplicationIdentifier.named(String(characters[start..<(start + length)]))
            }).first else {
                let found = String(characters[start...].prefix(4))
                throw TraceCodeError(subject, .syntax("no supported AI starts at position \(start + 1) (\"\(found)…\")"))
            }
            index += definition.code.count
            let end: Int
            if definition.hasPredefinedLength {
                end = min(index + definition.length.upperBound, characters.count)
            } else {
                end = characters[index...].firstIndex(of: Self.groupSeparator) ?? characters.count
            }
            elements.append(GS1Element(ai: definition.code, value: String(characters[index..<end])))
            index = end
            if index < characters.count, characters[index] == Self.groupSeparator {
                guard index + 1 < characters.count else {
                    throw TraceCodeError(subject, .syntax("a GS at position \(index + 1) ends the data; GS separates elements"))
                }
                index += 1
            }
        }
        try self.init(elements, options: options)
    }
}
