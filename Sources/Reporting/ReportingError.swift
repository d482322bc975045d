/// The one error of Reporting: what failed, on which input, which rule, and what to do.
///
/// `subject` names the input: a configuration file with its line and key
/// (`config/reporting.yaml:4 producer.uscc`), a field of a report, a chunk, a request. The
/// description reads as one sentence a lead or an integrator can act on, for example
/// `config/reporting.yaml:9 platform.chunk_codes: 20000 is out of range; use 1 to 10000`.
public struct ReportingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let subject: String
    public let rule: Rule

    public init(_ subject: String, _ rule: Rule) {
        self.subject = subject
        self.rule = rule
    }

    public var description: String { "\(subject): \(rule)" }

    public enum Rule: Equatable, Sendable, CustomStringConvertible {
        // Configuration.
        /// The file cannot be read or parsed; the text says why.
        case unreadable(String)
        case unknownKey(String, allowed: [String])
        case missingKey(String)
        /// A value breaks a rule; the text names the rule and, where it helps, the fix.
        case invalidValue(String)
        case unknownProduct(gtin: String, known: [String])

        // Field mapping.
        /// Two canonical fields would land on the same platform name, or one inside the other.
        case mappingCollision(String)
        /// A platform payload that does not fit the mapping or the report model.
        case invalidPayload(String)

        // EPCIS.
        /// A code has no URI form for `epcList`.
        case noURIForm(scheme: String)
        /// A timestamp or date that is not ISO 8601 as the model requires.
        case invalidTimestamp(String)

        // Files and delivery.
        case cannotWrite(String)
        /// A secret the station needs is not set.
        case missingSecret(variable: String)
        /// The platform refused a request for good (a 4xx): it goes to the dead-letter list.
        case refusedByPlatform(status: Int, reason: String)
        /// The platform could not be reached or answered 5xx; delivery is retried later.
        case platformUnavailable(String)
        /// The outbox could not be read or written.
        case outbox(String)

        public var description: String {
            switch self {
            case .unreadable(let reason):
                return "cannot be read: \(reason)"
            case .unknownKey(let key, let allowed):
                return "unknown key '\(key)'; allowed keys are \(allowed.joined(separator: ", "))"
            case .missingKey(let key):
                return "the key '\(key)' is required"
            case .invalidValue(let reason):
                return reason
            case .unknownProduct(let gtin, let known):
                let list = known.isEmpty ? "none" : known.joined(separator: ", ")
                return "no product with GTIN \(gtin) in the reporting profile (known: \(list)); add it under 'products'"
            case .mappingCollision(let reason):
                return "field mapping collision: \(reason); give each field its own platform name"
            case .invalidPayload(let reason):
                return "invalid payload: \(reason)"
            case .noURIForm(let scheme):
                return "a \(scheme) code needs a URI for EPCIS; set epcis.code_uris.\(scheme) in the reporting profile, e.g. 'https://resolver.example/{code}'"
            case .invalidTimestamp(let reason):
                return reason
            case .cannotWrite(let reason):
                return "cannot write: \(reason); check that the folder exists and is writable"
            case .missingSecret(let variable):
                return "the environment variable \(variable) is not set; set it to the value agreed with the platform"
            case .refusedByPlatform(let status, let reason):
                return "the platform refused the request with HTTP \(status) (\(reason)); it is on the dead-letter list until a lead fixes and retries it"
            case .platformUnavailable(let reason):
                return "the platform is unavailable (\(reason)); delivery will be retried"
            case .outbox(let reason):
                return "outbox error: \(reason)"
            }
        }
    }
}
