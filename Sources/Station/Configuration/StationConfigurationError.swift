/// Everything wrong with a station's configuration, found at start, so an operator can fix the
/// file in one pass instead of one error a restart.
///
/// Each problem names where it is, the dotted key and the rule broken, for example
/// `config/station.yaml:14 lines[1].printer.port: 70000 is out of range; use a whole number from 1 to 65535`
/// or `environment TRACESTATION_HTTP_PORT (http.port): 'eighty' is not a whole number`.
public struct StationConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// In the order they appear in the file; problems with the environment come last.
    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }

    /// Where a problem is: a line of the file, or an environment variable that overrides a key.
    public enum Place: Sendable, Hashable, CustomStringConvertible {
        /// `line` is 1-based; nil when the problem is with the whole file.
        case file(String, line: Int?)
        /// An override such as `TRACESTATION_HTTP_PORT`.
        case environment(variable: String)

        public var description: String {
            switch self {
            case .file(let file, let line?): return "\(file):\(line)"
            case .file(let file, nil): return file
            case .environment(let variable): return "environment \(variable)"
            }
        }
    }

    /// What is wrong with one key.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var place: Place
        /// The dotted key, such as `lines[1].printer.port`; empty for the whole file.
        public var key: String
        public var rule: Rule

        public init(_ place: Place, key: String, _ rule: Rule) {
            self.place = place
            self.key = key
            self.rule = rule
        }

        /// The file's line, when the problem is in the file.
        public var line: Int? {
            if case .file(_, let line) = place { return line }
            return nil
        }

        public var description: String {
            switch place {
            case .file:
                return key.isEmpty ? "\(place): \(rule)" : "\(place) \(key): \(rule)"
            case .environment:
                return key.isEmpty ? "\(place): \(rule)" : "\(place) (\(key)): \(rule)"
            }
        }
    }

    /// The rule a key breaks.
    public enum Rule: Sendable, Hashable, CustomStringConvertible {
        /// The file cannot be read or is not YAML; the text says why.
        case unreadable(String)
        /// The last part of the key is not one the mapping takes.
        case unknownKey(String, allowed: [String])
        case missingKey(String)
        /// A list where a value belongs, text where a number belongs, and so on.
        case wrongType(expected: String, found: String)
        /// A value of the right type that breaks a rule; the text names the rule and the fix.
        case invalidValue(String)

        public var description: String {
            switch self {
            case .unreadable(let reason):
                return "cannot be read: \(reason)"
            case .unknownKey(let key, let allowed):
                return "unknown key '\(key)'; allowed keys are \(allowed.joined(separator: ", "))"
            case .missingKey(let key):
                return "the key '\(key)' is required"
            case .wrongType(let expected, let found):
                return "expected \(expected), found \(found)"
            case .invalidValue(let reason):
                return reason
            }
        }
    }
}
