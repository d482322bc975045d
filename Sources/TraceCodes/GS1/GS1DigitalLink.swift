/// GS1 Digital Link URI conventions shared by building and parsing.
public enum GS1DigitalLink {
    /// The canonical GS1 resolver stem; a brand's own domain works the same way.
    public static let defaultDomain = "https://id.gs1.org"

    /// `domain` without trailing slashes, after checking it is an http(s) URL with a host
    /// and an optional path prefix, and nothing after the path.
    public static func normalizedDomain(_ domain: String) throws(TraceCodeError) -> String {
        try HTTPStem.normalized(domain, subject: "Digital Link domain \(domain)")
    }
}
