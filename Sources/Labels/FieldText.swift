/// Text of a template field with its placeholders, parsed once when the template is read.
///
/// Syntax: `{{key}}` inserts a value; `{{key | date: yyyy-MM-dd}}` inserts a date value
/// in another form. Keys are dotted names (`product.name`, `batch.lot`). Anything outside
/// `{{ }}` is literal text.
public struct FieldText: Sendable, Equatable {
    public enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(key: String, date: DateFormat?)
    }

    public let segments: [Segment]

    /// The keys the text uses, in order of first use.
    public var keys: [String] {
        var seen: Set<String> = []
        return segments.compactMap { segment in
            guard case .placeholder(let key, _) = segment, seen.insert(key).inserted else { return nil }
            return key
        }
    }

    /// Whether the text is the same for every label.
    public var isConstant: Bool { keys.isEmpty }

    /// Parses `text`; the error message says which placeholder is malformed.
    public init(parsing text: String) throws(LabelError) {
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { segments.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw LabelError("'{{' without a closing '}}' in \"\(text)\"")
            }
            segments.append(try Self.placeholder(rest[open.upperBound..<close.lowerBound], in: text))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        self.segments = segments
    }

    private static func placeholder(_ body: Substring, in text: String) throws(LabelError) -> Segment {
        let parts = body.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let key = parts[0].trimmingSpaces
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }),
              !key.hasPrefix("."), !key.hasSuffix("."), !key.contains("..")
        else {
            throw LabelError("placeholder '{{\(body)}}' needs a dotted key such as {{batch.lot}}")
        }
        guard parts.count == 2 else { return .placeholder(key: key, date: nil) }
        let filter = parts[1].trimmingSpaces
        guard filter.hasPrefix("date:") else {
            throw LabelError("placeholder '{{\(body)}}': the only filter is 'date: <format>', e.g. {{\(key) | date: yyyy-MM-dd}}")
        }
        let format = filter.dropFirst("date:".count).trimmingSpaces
        guard !format.isEmpty else { throw LabelError("placeholder '{{\(body)}}' needs a date format such as yyyy-MM-dd") }
        return .placeholder(key: key, date: DateFormat(format))
    }

    /// The text with every placeholder filled from `values`.
    ///
    /// - Throws: `LabelError` naming the key when a value is missing or is not a date where
    ///   a date format asks for one.
    public func resolved(with values: FieldValues) throws(LabelError) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .literal(let text):
                result += text
            case .placeholder(let key, let date):
                guard let value = values[key] else {
                    throw LabelError("no value for {{\(key)}}: give it in the template's sample, --data or --set \(key)=…")
                }
                if let date {
                    result += try date.format(value, key: key)
                } else {
                    result += value
                }
            }
        }
        return result
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
