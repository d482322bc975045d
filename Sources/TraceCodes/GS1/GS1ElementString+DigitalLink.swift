extension GS1ElementString {
    /// The GS1 Digital Link URI: `{domain}/01/{GTIN}[/22/…][/10/…][/21/…][?11=…&17=…]`.
    ///
    /// The one primary key — (01), (00) or (414) — comes first, then its qualifiers in the
    /// dictionary order, then every other element as a query attribute in the order of this
    /// element string. Values are percent-encoded outside `A-Za-z0-9-._~`.
    public func digitalLink(domain: String = GS1DigitalLink.defaultDomain) throws(TraceCodeError) -> String {
        let stem = try GS1DigitalLink.normalizedDomain(domain)
        let keys = elements.filter { GS1ApplicationIdentifier.named($0.ai)!.isDigitalLinkPrimaryKey }
        guard keys.count == 1, let key = keys.first else {
            throw TraceCodeError("element string \(humanReadable)", .syntax(
                "a Digital Link needs exactly one primary key of (00), (01) or (414); found \(keys.count)"
            ))
        }
        let qualifiers = GS1ApplicationIdentifier.named(key.ai)!.digitalLinkQualifiers!
        var uri = stem + "/\(key.ai)/" + PercentEncoding.encode(key.value)
        for qualifier in qualifiers {
            if let value = self[ai: qualifier] {
                uri += "/\(qualifier)/" + PercentEncoding.encode(value)
            }
        }
        let attributes = elements.filter { $0.ai != key.ai && !qualifiers.contains($0.ai) }
        if !attributes.isEmpty {
            uri += "?" + attributes.map { "\($0.ai)=" + PercentEncoding.encode($0.value) }.joined(separator: "&")
        }
        return uri
    }

    /// Parses a GS1 Digital Link URI on any domain, with an optional path prefix before
    /// the key. Query parameters whose names are not all digits (e.g. `linkType`) are
    /// resolver options, not data, and are skipped.
    public init(digitalLink uri: String, options: GS1ValidationOptions = .gs1) throws(TraceCodeError) {
        let subject = "Digital Link \(uri)"
        guard let afterScheme = HTTPStem.stripScheme(uri) else {
            throw TraceCodeError(subject, .syntax("must start with https:// or http://"))
        }
        let withoutFragment = afterScheme.prefix { $0 != "#" }
        let pathAndHost = withoutFragment.prefix { $0 != "?" }
        let query = withoutFragment.dropFirst(pathAndHost.count + 1)
        guard let first = pathAndHost.first, first != "/" else {
            throw TraceCodeError(subject, .syntax("has no host name"))
        }
        let segments = pathAndHost.split(separator: "/").dropFirst().map(String.init)

        // Walk back from the end over AI/value pairs until the primary key, so that a path
        // prefix before the key may contain anything.
        var pairs: [(ai: String, value: String)] = []
        var end = segments.count
        var keyDefinition: GS1ApplicationIdentifier?
        while end >= 2, let definition = GS1ApplicationIdentifier.named(segments[end - 2]) {
            pairs.insert((definition.code, segments[end - 1]), at: 0)
            end -= 2
            if definition.isDigitalLinkPrimaryKey {
                keyDefinition = definition
                break
            }
        }
        guard let keyDefinition else {
            throw TraceCodeError(subject, .syntax("the path does not end in a primary key (00), (01) or (414) with its value and qualifiers"))
        }
        let allowed = keyDefinition.digitalLinkQualifiers!
        var lastPosition = -1
        for qualifier in pairs.dropFirst() {
            guard let position = allowed.firstIndex(of: qualifier.ai) else {
                throw TraceCodeError(subject, .syntax(
                    "(\(qualifier.ai)) is not a path qualifier of key (\(keyDefinition.code))" + Self.qualifierHint(allowed)
                ))
            }
            guard position > lastPosition else {
                throw TraceCodeError(subject, .syntax(
                    "qualifier (\(qualifier.ai)) is out of order after (\(allowed[lastPosition]))" + Self.qualifierHint(allowed)
                ))
            }
            lastPosition = position
        }

        var elements: [GS1Element] = []
        for pair in pairs {
            elements.append(GS1Element(ai: pair.ai, value: try Self.decode(pair.value, ai: pair.ai, subject: subject)))
        }
        for parameter in query.split(separator: "&") {
            let name = String(parameter.prefix { $0 != "=" })
            guard !name.isEmpty, name.allSatisfy(\.isASCIIDigit) else { continue }
            guard GS1ApplicationIdentifier.named(name) != nil else {
                throw TraceCodeError(subject, .unknownApplicationIdentifier(name))
            }
            guard name != keyDefinition.code, !allowed.contains(name) else {
                throw TraceCodeError(subject, .syntax("(\(name)) is a key or path qualifier and belongs in the path, not the query"))
            }
            let value = String(parameter.dropFirst(name.count + 1))
            elements.append(GS1Element(ai: name, value: try Self.decode(value, ai: name, subject: subject)))
        }
        try self.init(elements, options: options)
    }

    private static func qualifierHint(_ allowed: [String]) -> String {
        allowed.isEmpty ? " (it takes none)" : " (allowed, in order: \(allowed.map { "(\($0))" }.joined(separator: ", ")))"
    }

    private static func decode(_ raw: String, ai: String, subject: String) throws(TraceCodeError) -> String {
        guard let value = PercentEncoding.decode(raw) else {
            throw TraceCodeError(subject, .syntax("the value \"\(raw)\" of (\(ai)) has a bad percent-escape"))
        }
        return value
    }
}
