/// An http(s) URL prefix — scheme, host and an optional path — that codes are appended to.
enum HTTPStem {
    /// `text` without trailing slashes, after checking its form; `subject` names it in errors.
    static func normalized(_ text: String, subject: String) throws(TraceCodeError) -> String {
        guard let rest = stripScheme(text) else {
            throw TraceCodeError(subject, .syntax("must start with https:// or http://"))
        }
        guard let first = rest.first, first != "/" else {
            throw TraceCodeError(subject, .syntax("has no host name"))
        }
        if let bad = rest.first(where: { $0 == "?" || $0 == "#" || $0.isWhitespace || !$0.isASCII }) {
            throw TraceCodeError(subject, .syntax("must not contain '\(bad)'; give scheme, host and an optional path only"))
        }
        var trimmed = text
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }

    /// The URL after `https://` or `http://` (scheme matched case-insensitively), or nil.
    static func stripScheme(_ url: String) -> Substring? {
        for scheme in ["https://", "http://"] where url.lowercased().hasPrefix(scheme) {
            return url.dropFirst(scheme.count)
        }
        return nil
    }
}
