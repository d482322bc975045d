/// One thing lint found wrong with a label: an error stops rendering, a warning does not.
public struct LintFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var file: String
    public var line: Int?
    /// `element <n> (<id or type>)`, or nil for a finding about the whole label.
    public var element: String?
    /// The rule broken, with the numbers that break it.
    public var rule: String

    /// `error: Templates/product-60x40.yaml:12: element 3 (lot): <rule>`
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(severity.rawValue): \(place): " + (element.map { "\($0): " } ?? "") + rule
    }

    /// The finding as the error a render stops with.
    public var error: LabelError {
        LabelError(file: file, line: line, element: element, rule)
    }
}
