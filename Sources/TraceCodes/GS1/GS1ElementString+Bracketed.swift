extension GS1ElementString {
    /// The human-readable interpretation printed under a symbol: `(01)06901234567892(10)ABC`.
    /// Data is shown as is, so a `(` inside a value makes this text ambiguous; use `bracketed`
    /// for text that must parse back.
    public var humanReadable: String {
        elements.map(\.description).joined()
    }

    /// The bracketed form that parses back exactly: as `humanReadable`, with a `(` inside a
    /// value written `\(` (the convention of the GS1 Barcode Syntax Engine).
    public var bracketed: String {
        elements.map { element in
            "(\(element.ai))" + element.value.map { $0 == "(" ? "\\(" : String($0) }.joined()
        }.joined()
    }

    /// Parses the bracketed form `(01)06901234567892(10)ABC(21)X1`, where `\(` is a literal `(`.
    public init(bracketed text: String, options: GS1ValidationOptions = .gs1) throws(TraceCodeError) {
        let subject = "element string \(text)"
        let characters = Array(text)
        guard !characters.isEmpty else { throw TraceCodeError(subject, .empty) }
        var elements: [GS1Element] = []
        var index = 0
        while index < characters.count {
            guard characters[index] == "(" else {
                throw TraceCodeError(subject, .syntax("expected '(' at position \(index + 1)"))
            }
            guard let close = characters[(index + 1)...].firstIndex(of: ")") else {
                throw TraceCodeError(subject, .syntax("the '(' at position \(index + 1) is not closed by ')'"))
            }
            let ai = String(characters[(index + 1)..<close])
            guard (2...4).contains(ai.count), ai.allSatisfy(\.isASCIIDigit) else {
                throw TraceCodeError(subject, .syntax("\"(\(ai))\" at position \(index + 1) is not an AI of 2 to 4 digits"))
            }
            var value = ""
            index = close + 1
            while index < characters.count, characters[index] != "(" {
                if characters[index] == "\\", index + 1 < characters.count, characters[index + 1] == "(" {
                    value.append("(")
                    index += 2
                } else {
                    value.append(characters[index])
                    index += 1
                }
            }
            elements.append(GS1Element(ai: ai, value: value))
        }
        try self.init(elements, options: options)
    }
}
