/// What a 2D symbol carrying an Ecode contains (GB/T 35420-2025 allows an encoded and a
/// URL data structure; the exact URL form is not public, so it is a configured template).
public enum EcodePayloadForm: Sendable, Hashable {
    /// The Ecode text itself.
    case plain
    /// A URL made from a template.
    case url(EcodeURLTemplate)

    public func payload(for ecode: Ecode) -> String {
        switch self {
        case .plain: ecode.description
        case let .url(template): template.url(for: ecode)
        }
    }
}

/// A URL template such as `{base}/{ecode}`, where `{base}` is the configured resolver base
/// and `{ecode}` the percent-encoded code.
public struct EcodeURLTemplate: Sendable, Hashable {
    public let template: String
    public let base: String

    public init(template: String = "{base}/{ecode}", base: String) throws(TraceCodeError) {
        guard template.contains("{ecode}") else {
            throw TraceCodeError("Ecode URL template \(template)", .syntax("must contain {ecode}"))
        }
        self.template = template
        self.base = try HTTPStem.normalized(base, subject: "Ecode URL base \(base)")
    }

    public func url(for ecode: Ecode) -> String {
        template
            .replacing("{base}", with: base)
            .replacing("{ecode}", with: PercentEncoding.encode(ecode.description))
    }
}
