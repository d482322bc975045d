/// The text forms a GS1 code is handed on in.
public enum GS1OutputForm: Sendable, Hashable {
    /// A GS1 Digital Link URI on the given domain, for QR codes.
    case digitalLink(domain: String)
    /// Symbol data with GS (0x1D) separators, for GS1 QR, GS1 DataMatrix and GS1-128.
    case symbolData
    /// Bracketed text `(01)…(10)…` that parses back (a `(` in data written `\(`).
    case bracketed

    public func render(_ code: GS1ElementString) throws(TraceCodeError) -> String {
        switch self {
        case let .digitalLink(domain): try code.digitalLink(domain: domain)
        case .symbolData: code.symbolData()
        case .bracketed: code.bracketed
        }
    }
}
