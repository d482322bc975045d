/// GS1 Digital Link URI conventions shared by building and parsing.
public enum GS1DigitalLink {
    /// The canonical GS1 resolver stem; a brand's own domain works the same way.
    public static let defaultDomain = "https://id.gs1.org"

    /// `domain` without trailing slashes, after checking it is an http(s) URL with a host
    /// and an optional path prefix, and nothing after the path.
    public static func normalizedDomain(_ domain: String) throws(TraceCodeError) -> String {
        let subject = "Digital Link domain \(domain)"
        guard let rest = stripScheme(domain) else {
            throw TraceCodeError(subject, .syntax("must start with https:// or http://"))
        }
        guard let first = rest.first, first != "/" else {
            throw TraceCodeError(subject, .syntax("has no host name"))
        }
        if let bad = rest.first(where: { $0 == "?" || $0 == "#" || $0.isWhitespace || !$0.isASCII }) {
            throw TraceCodeError(subject, .syntax("must not contain '\(bad)'; give scheme, host and an optional path only"))
        }
        var trimmed = domain
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }

    /// The URI after `https://` or `http://` (scheme matched case-insensitively), or nil.
    static func stripScheme(_ uri: String) -> Substring? {
        for scheme in ["https://", "http://"] where uri.lowercased().hasPrefix(scheme) {
            return uri.dropFirst(scheme.count)
        }
        return nil
    }
}
