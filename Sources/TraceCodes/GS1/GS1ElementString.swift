/// A validated GS1 element string: a list of AIs with their data, in carrier order.
///
/// Every value satisfies its AI's format and linter, no AI repeats, and the mandatory and
/// excluded associations hold. The three text forms are in extensions: bracketed
/// (`+Bracketed`), symbol data with GS separators (`+SymbolData`) and Digital Link
/// URIs (`+DigitalLink`).
public struct GS1ElementString: Hashable, Sendable, CustomStringConvertible {
    public let elements: [GS1Element]

    public init(_ elements: [GS1Element], options: GS1ValidationOptions = .gs1) throws(TraceCodeError) {
        let subject = "element string \(elements.map(\.description).joined())"
        guard !elements.isEmpty else { throw TraceCodeError(subject, .empty) }
        var seen: Set<String> = []
        for element in elements {
            guard let ai = GS1ApplicationIdentifier.named(element.ai) else {
                throw TraceCodeError(subject, .unknownApplicationIdentifier(element.ai))
            }
            try ai.validate(element.value, options: options)
            guard seen.insert(element.ai).inserted else {
                throw TraceCodeError(subject, .repeatedApplicationIdentifier(element.ai))
            }
        }
        for element in elements {
            let ai = GS1ApplicationIdentifier.named(element.ai)!
            for alternatives in ai.requires where seen.isDisjoint(with: alternatives) {
                throw TraceCodeError(subject, .missingAssociation(ai: ai.code, requiresOneOf: alternatives))
            }
            if let other = ai.excludes.first(where: seen.contains) {
                throw TraceCodeError(subject, .excludedAssociation(ai: ai.code, with: other))
            }
        }
        self.elements = elements
    }

    /// The value of `ai`, if present.
    public subscript(ai ai: String) -> String? {
        elements.first { $0.ai == ai }?.value
    }

    /// The human-readable interpretation.
    public var description: String { humanReadable }
}
