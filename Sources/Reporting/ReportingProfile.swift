import Foundation
import TraceCodes

/// Who reports, about which products, to where, and in which field names: the station's
/// reporting configuration, read from `config/reporting.yaml` (`ReportingProfile+YAML.swift`).
///
/// Everything is checked when the file is read, so a report never fails halfway on a bad
/// credit code, GTIN or URL.
public struct ReportingProfile: Sendable, Hashable {
    /// Where the station looks for the profile when no path is given.
    public static let defaultPath = "config/reporting.yaml"

    /// 生产单位基本信息, repeated in every chunk.
    public var producer: Producer
    /// 产品信息 by GTIN-14.
    public var products: [String: Product]
    public var platform: Platform
    public var epcis: EPCISSettings

    public init(producer: Producer, products: [String: Product], platform: Platform = Platform(), epcis: EPCISSettings) {
        self.producer = producer
        self.products = products
        self.platform = platform
        self.epcis = epcis
    }

    /// The product reported for a batch of `gtin` (any GTIN length; looked up as GTIN-14).
    public func product(gtin: String) throws(ReportingError) -> Product {
        let key = gtin.count < 14 && gtin.allSatisfy(\.isASCIIDigit)
            ? String(repeating: "0", count: 14 - gtin.count) + gtin : gtin
        guard let product = products[key] else {
            throw ReportingError("GTIN \(gtin)", .unknownProduct(gtin: key, known: products.keys.sorted()))
        }
        return product
    }

    /// The platform endpoint and how the station delivers to it.
    public struct Platform: Sendable, Hashable {
        public static let defaultEndpoint = URL(string: "http://127.0.0.1:8790/reports")!
        public static let chunkCodesRange = 1...10_000

        /// Where chunks are POSTed.
        public var endpoint: URL
        /// At most this many codes (and voids) per chunk.
        public var chunkCodes: Int
        /// How long one request may take before it counts as failed and is retried.
        public var requestTimeout: Duration
        public var retry: RetryPolicy
        /// Chunks in flight at once.
        public var concurrency: Int
        /// The environment variable holding the bearer token.
        public var tokenVariable: String
        /// The environment variable holding the HMAC secret.
        public var secretVariable: String
        /// How the platform names the report's fields.
        public var fieldMapping: FieldMapping

        public init(endpoint: URL = defaultEndpoint, chunkCodes: Int = 1000, requestTimeout: Duration = .seconds(10),
                    retry: RetryPolicy = RetryPolicy(), concurrency: Int = 4,
                    tokenVariable: String = "TRACESTATION_PLATFORM_TOKEN", secretVariable: String = "TRACESTATION_PLATFORM_SECRET",
                    fieldMapping: FieldMapping = .identity) {
            self.endpoint = endpoint
            self.chunkCodes = chunkCodes
            self.requestTimeout = requestTimeout
            self.retry = retry
            self.concurrency = concurrency
            self.tokenVariable = tokenVariable
            self.secretVariable = secretVariable
            self.fieldMapping = fieldMapping
        }
    }

    /// Exponential backoff with jitter between attempts at one chunk.
    public struct RetryPolicy: Sendable, Hashable {
        /// The wait before the first retry; each further retry waits twice as long, up to `maximumBackoff`.
        public var initialBackoff: Duration
        public var maximumBackoff: Duration
        /// Attempts in one delivery run before the chunk is left in the outbox for a later run.
        /// Running out of attempts never dead-letters a chunk: only a 4xx does.
        public var maximumAttempts: Int

        public init(initialBackoff: Duration = .milliseconds(200), maximumBackoff: Duration = .seconds(30), maximumAttempts: Int = 10) {
            self.initialBackoff = initialBackoff
            self.maximumBackoff = maximumBackoff
            self.maximumAttempts = maximumAttempts
        }
    }

    /// Where events happen, for the EPCIS export.
    public struct EPCISSettings: Sendable, Hashable {
        /// The plant: `bizLocation.id` of every event (e.g. `https://id.gs1.org/414/6901234000016`).
        public var bizLocation: String
        /// `readPoint.id` with `{line}` standing for the station that printed the code.
        public var readPointTemplate: String
        /// For schemes whose codes are not URIs themselves: a template with `{code}`, by scheme.
        public var codeURITemplates: [String: String]

        public init(bizLocation: String, readPointTemplate: String, codeURITemplates: [String: String] = [:]) {
            self.bizLocation = bizLocation
            self.readPointTemplate = readPointTemplate
            self.codeURITemplates = codeURITemplates
        }

        /// The read point of `line`, percent-encoded so any line name gives a valid URI.
        public func readPoint(line: String) -> String {
            readPointTemplate.replacingOccurrences(of: "{line}", with: Self.percentEncoded(line))
        }

        /// The URI of a code in `epcList`: for a GS1 Digital Link the canonical instance
        /// identifier CBV 2.0 asks for (`https://id.gs1.org/01/<GTIN>/21/<serial>`: the
        /// reference domain, no lot, no data attributes), else the code itself when it is a URI,
        /// else the scheme's configured template.
        public func uri(scheme: String, code: String) throws(ReportingError) -> String {
            if scheme == "GS1", let link = try? GS1ElementString(digitalLink: code),
               let gtin = link[ai: "01"], let serial = link[ai: "21"] {
                return "\(GS1DigitalLink.defaultDomain)/01/\(gtin)/21/\(Self.percentEncoded(serial))"
            }
            if Self.isAbsoluteURI(code) { return code }
            guard let template = codeURITemplates[scheme] else {
                throw ReportingError("\(scheme) code \(code)", .noURIForm(scheme: scheme))
            }
            return template.replacingOccurrences(of: "{code}", with: Self.percentEncoded(code))
        }

        static func percentEncoded(_ text: String) -> String {
            var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
            allowed.insert(charactersIn: "-._~")
            return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
        }

        /// `scheme:rest` with an RFC 3986 scheme and, for http(s), a host.
        static func isAbsoluteURI(_ text: String) -> Bool {
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
            let scheme = text[..<colon]
            guard scheme.first!.isASCIILetter,
                  scheme.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || "+-.".contains($0) }),
                  !text.contains(where: { $0 == " " || $0.isNewline }) else { return false }
            if scheme.lowercased() == "http" || scheme.lowercased() == "https" {
                return URL(string: text)?.host?.isEmpty == false
            }
            return text.index(after: colon) < text.endIndex
        }
    }
}

fileprivate extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}
