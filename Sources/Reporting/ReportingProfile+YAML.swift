import Foundation
import TraceCodes
internal import Yams

extension ReportingProfile {
    /// Reads the profile at `path`. With no path, `defaultPath` is used when that file exists,
    /// and `embeddedDefault` (demo data) when it does not; a path given explicitly must exist.
    public static func load(path: String? = nil) throws(ReportingError) -> ReportingProfile {
        let file = path ?? defaultPath
        if path == nil, !FileManager.default.fileExists(atPath: file) { return embeddedDefault }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ReportingError(file, .unreadable("\(error.localizedDescription); pass the profile's path, or create \(defaultPath)"))
        }
        return try ReportingProfile(yaml: text, file: file)
    }

    /// Parses a profile; `file` names it in errors, which also give the line and the key.
    ///
    /// ```yaml
    /// producer: { uscc: …, name: …, address: …, production_licences: [...], ccc_certificates: [...] }
    /// products:
    ///   "06901234567892": { name: …, model: …, licence: …, code_scheme: GS1 }
    /// platform:
    ///   endpoint: http://127.0.0.1:8790/reports
    ///   chunk_codes: 1000
    ///   field_mapping: { producer.uscc: enterprise.creditCode }
    /// epcis:
    ///   biz_location: https://id.gs1.org/414/6901234000016
    ///   read_point: https://id.gs1.org/414/6901234000016/254/{line}
    /// ```
    public init(yaml text: String, file: String) throws(ReportingError) {
        let root = try ProfileNode.parse(text, file: file)
            .mapping(allowed: ["producer", "products", "platform", "epcis"])
        let producer = try Self.producer(try root.required("producer"))
        var products: [String: Product] = [:]
        for (gtin, value) in try root.required("products").entries() {
            products[gtin] = try Self.product(gtin: gtin, value)
        }
        guard !products.isEmpty else {
            throw try root.required("products").error(.invalidValue("list at least one product, keyed by its GTIN-14"))
        }
        let platform = try root.optional("platform").map { node throws(ReportingError) in try Self.platform(node) } ?? Platform()
        let epcis = try Self.epcis(try root.required("epcis"))
        self.init(producer: producer, products: products, platform: platform, epcis: epcis)
    }

    /// The demo producer and products, used when no profile file exists. Demo data only:
    /// a real station reports its own 统一社会信用代码 and licences.
    public static let embeddedDefault: ReportingProfile = {
        do {
            return try ReportingProfile(yaml: embeddedDefaultYAML, file: "the embedded default profile")
        } catch {
            preconditionFailure("the embedded default profile is invalid: \(error)")
        }
    }()

    /// The same text as the sample `config/reporting.yaml`; a test keeps the two equal.
    static let embeddedDefaultYAML = """
        # Reporting profile: who reports, about which products, to where, in which field names.
        # DEMO DATA: the producer, licences and products below are invented for the demo and the
        # tests. A real station lists its own 统一社会信用代码, licences and products here.
        producer:
          uscc: "913301005862013785"
          name: 杭州示例电器有限公司
          address: 浙江省杭州市西湖区示例路 1 号
          production_licences: ["XK16-205-01234"]
          ccc_certificates: ["2024010901123456"]
          factory_code: F01
          contact: 0571-8888 0000
        products:
          "06901234567892":
            name: 示例电热水壶
            model: SK-1701
            category: 家用电器 / 电热水壶
            brand: 示例
            standard: GB 4706.19-2008
            licence: "2024010901123456"
            code_scheme: GS1
            inspection: { conclusion: 合格, report_number: QC-2025-0001 }
          "06901234567885":
            name: 示例电源适配器
            model: PA-12W
            category: 信息技术设备 / 电源适配器
            brand: 示例
            standard: GB 4943.1-2022
            licence: "XK16-205-01234"
            code_scheme: GS1
        platform:
          endpoint: http://127.0.0.1:8790/reports
          chunk_codes: 1000
          request_timeout_ms: 10000
          concurrency: 4
          retry: { initial_backoff_ms: 200, max_backoff_ms: 30000, max_attempts: 10 }
          # Secrets are never written here: only the names of the variables that hold them.
          token_env: TRACESTATION_PLATFORM_TOKEN
          secret_env: TRACESTATION_PLATFORM_SECRET
          # Canonical dotted path → the platform's name; empty means the station's own names.
          # Example: producer.uscc: enterprise.creditCode, codes.printed_at: codes.printTime
          field_mapping: {}
        epcis:
          biz_location: https://id.gs1.org/414/6901234000016
          read_point: https://id.gs1.org/414/6901234000016/254/{line}
          # URIs for codes that are not URIs themselves ({code} is percent-encoded).
          code_uris:
            ECODE: https://ecode.example.cn/{code}

        """

    private static let codeSchemes = ["GS1", "ECODE", "DID", "CCC"]

    private static func producer(_ node: ProfileNode) throws(ReportingError) -> Producer {
        let map = try node.mapping(allowed: ["uscc", "name", "address", "production_licences", "ccc_certificates",
                                             "factory_code", "contact"])
        let usccNode = try map.required("uscc")
        let uscc = try usccNode.string()
        do { _ = try SocialCreditCode(uscc) } catch { throw usccNode.error(.invalidValue(error.description)) }
        var licences: [String] = []
        for item in try map.optional("production_licences")?.sequence() ?? [] {
            let text = try item.string()
            do { licences.append(try ProductionLicenceNumber(text).description) } catch {
                throw item.error(.invalidValue(error.description))
            }
        }
        var certificates: [String] = []
        for item in try map.optional("ccc_certificates")?.sequence() ?? [] {
            let text = try item.string()
            do { certificates.append(try CCCCertificateNumber(text).description) } catch {
                throw item.error(.invalidValue(error.description))
            }
        }
        return Producer(
            uscc: uscc, name: try map.required("name").text(), address: try map.required("address").text(),
            productionLicences: licences, cccCertificates: certificates,
            factoryCode: try map.optional("factory_code")?.text(), contact: try map.optional("contact")?.text())
    }

    private static func product(gtin: String, _ node: ProfileNode) throws(ReportingError) -> Product {
        let parsed: GTIN
        do { parsed = try GTIN(gtin) } catch { throw node.error(.invalidValue(error.description)) }
        guard parsed.digits.count == 14 else {
            throw node.error(.invalidValue("products are keyed by their GTIN-14; write \(parsed.gtin14), not \(gtin)"))
        }
        let map = try node.mapping(allowed: ["name", "model", "category", "brand", "standard", "licence", "code_scheme", "inspection"])
        var licence: String?
        if let licenceNode = map.optional("licence") {
            let text = try licenceNode.string()
            if let number = try? ProductionLicenceNumber(text) {
                licence = number.description
            } else if let number = try? CCCCertificateNumber(text) {
                licence = number.description
            } else {
                throw licenceNode.error(.invalidValue(
                    "'\(text)' is neither a production licence number (XKNN-NNN-NNNNN) nor a 16-digit CCC certificate number"))
            }
        }
        let scheme = try map.optional("code_scheme")?.string() ?? "GS1"
        guard codeSchemes.contains(scheme) else {
            throw try map.required("code_scheme").error(.invalidValue(
                "code_scheme must be one of \(codeSchemes.joined(separator: ", ")), not '\(scheme)'"))
        }
        var inspection: Inspection?
        if let inspectionNode = map.optional("inspection") {
            let fields = try inspectionNode.mapping(allowed: ["conclusion", "report_number"])
            inspection = Inspection(conclusion: try fields.required("conclusion").text(),
                                    reportNumber: try fields.optional("report_number")?.text())
        }
        return Product(gtin: gtin, name: try map.required("name").text(), model: try map.optional("model")?.text(),
                       category: try map.optional("category")?.text(), brand: try map.optional("brand")?.text(),
                       standard: try map.optional("standard")?.text(), licence: licence, codeScheme: scheme,
                       inspection: inspection)
    }

    private static func platform(_ node: ProfileNode) throws(ReportingError) -> Platform {
        let map = try node.mapping(allowed: ["endpoint", "chunk_codes", "request_timeout_ms", "concurrency", "retry",
                                             "token_env", "secret_env", "field_mapping"])
        var platform = Platform()
        if let endpointNode = map.optional("endpoint") {
            let text = try endpointNode.string()
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  url.host?.isEmpty == false else {
                throw endpointNode.error(.invalidValue("'\(text)' is not an http or https URL with a host"))
            }
            platform.endpoint = url
        }
        if let chunk = map.optional("chunk_codes") { platform.chunkCodes = try chunk.int(in: Platform.chunkCodesRange) }
        if let timeout = map.optional("request_timeout_ms") {
            platform.requestTimeout = .milliseconds(try timeout.int(in: 100...600_000))
        }
        if let concurrency = map.optional("concurrency") { platform.concurrency = try concurrency.int(in: 1...64) }
        if let retryNode = map.optional("retry") {
            let retry = try retryNode.mapping(allowed: ["initial_backoff_ms", "max_backoff_ms", "max_attempts"])
            let initial = try retry.optional("initial_backoff_ms")?.int(in: 1...600_000) ?? 200
            let maximum = try retry.optional("max_backoff_ms")?.int(in: 1...3_600_000) ?? 30_000
            guard maximum >= initial else {
                throw retryNode.error(.invalidValue("max_backoff_ms (\(maximum)) must not be below initial_backoff_ms (\(initial))"))
            }
            platform.retry = RetryPolicy(initialBackoff: .milliseconds(initial), maximumBackoff: .milliseconds(maximum),
                                         maximumAttempts: try retry.optional("max_attempts")?.int(in: 1...1000) ?? 10)
        }
        for (key, keyPath) in [("token_env", \Platform.tokenVariable), ("secret_env", \Platform.secretVariable)] {
            guard let variableNode = map.optional(key) else { continue }
            let name = try variableNode.string()
            guard let first = name.first, first == "_" || (first.isASCII && first.isLetter),
                  name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
                throw variableNode.error(.invalidValue("'\(name)' is not an environment variable name (letters, digits, _)"))
            }
            platform[keyPath: keyPath] = name
        }
        if let mappingNode = map.optional("field_mapping") {
            var renames: [String: String] = [:]
            for (source, target) in try mappingNode.entries() {
                renames[source] = try target.string()
            }
            platform.fieldMapping = try FieldMapping(renames, subject: mappingNode.subject)
        }
        return platform
    }

    private static func epcis(_ node: ProfileNode) throws(ReportingError) -> EPCISSettings {
        let map = try node.mapping(allowed: ["biz_location", "read_point", "code_uris"])
        let locationNode = try map.required("biz_location")
        let location = try locationNode.string()
        guard EPCISSettings.isAbsoluteURI(location) else {
            throw locationNode.error(.invalidValue("'\(location)' is not an absolute URI, e.g. https://id.gs1.org/414/<GLN>"))
        }
        let readPointNode = try map.required("read_point")
        let readPoint = try readPointNode.string()
        guard readPoint.contains("{line}"), EPCISSettings.isAbsoluteURI(readPoint.replacingOccurrences(of: "{line}", with: "L1")) else {
            throw readPointNode.error(.invalidValue("'\(readPoint)' must be an absolute URI holding {line}, e.g. https://id.gs1.org/414/<GLN>/254/{line}"))
        }
        var templates: [String: String] = [:]
        for (scheme, templateNode) in try map.optional("code_uris")?.entries() ?? [] {
            guard codeSchemes.contains(scheme) else {
                throw templateNode.error(.invalidValue("'\(scheme)' is not a code scheme; use \(codeSchemes.joined(separator: ", "))"))
            }
            let template = try templateNode.string()
            guard template.contains("{code}"), EPCISSettings.isAbsoluteURI(template.replacingOccurrences(of: "{code}", with: "C1")) else {
                throw templateNode.error(.invalidValue("'\(template)' must be an absolute URI holding {code}"))
            }
            templates[scheme] = template
        }
        return EPCISSettings(bizLocation: location, readPointTemplate: readPoint, codeURITemplates: templates)
    }
}

/// One node of the profile file with where it is: the file, its line and its dotted key.
private struct ProfileNode {
    let node: Node
    let file: String
    let key: String
    /// The line of the node's key, which names it better than the line its value starts on.
    var keyLine: Int?

    var subject: String {
        let place = (keyLine ?? node.mark?.line).map { "\(file):\($0)" } ?? file
        return key.isEmpty ? place : "\(place) \(key)"
    }

    func error(_ rule: ReportingError.Rule) -> ReportingError { ReportingError(subject, rule) }

    static func parse(_ text: String, file: String) throws(ReportingError) -> ProfileNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw ReportingError("\(file):\(mark.line)", .unreadable("not valid YAML: \(problem)"))
            default:
                throw ReportingError(file, .unreadable("not valid YAML: \(error)"))
            }
        } catch {
            throw ReportingError(file, .unreadable("not valid YAML: \(error)"))
        }
        guard let root else { throw ReportingError(file, .unreadable("the file is empty")) }
        return ProfileNode(node: root, file: file, key: "", keyLine: nil)
    }

    private func child(_ name: String, _ node: Node, keyLine: Int? = nil) -> ProfileNode {
        ProfileNode(node: node, file: file, key: key.isEmpty ? name : "\(key).\(name)", keyLine: keyLine)
    }

    /// The entries in file order, keys as text, each key once.
    func entries() throws(ReportingError) -> [(String, ProfileNode)] {
        guard let mapping = node.mapping else { throw error(.invalidValue("must be a mapping of keys to values")) }
        var seen: Set<String> = []
        var entries: [(String, ProfileNode)] = []
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw error(.invalidValue("has a key that is not text")) }
            guard seen.insert(name).inserted else { throw child(name, keyNode).error(.invalidValue("the key appears twice")) }
            entries.append((name, child(name, value, keyLine: keyNode.mark?.line)))
        }
        return entries
    }

    func mapping(allowed: Set<String>) throws(ReportingError) -> ProfileMapping {
        var entries: [String: ProfileNode] = [:]
        for (name, value) in try self.entries() {
            guard allowed.contains(name) else {
                throw ReportingError(value.subject, .unknownKey(name, allowed: allowed.sorted()))
            }
            entries[name] = value
        }
        return ProfileMapping(node: self, entries: entries)
    }

    func sequence() throws(ReportingError) -> [ProfileNode] {
        guard let sequence = node.sequence else { throw error(.invalidValue("must be a list")) }
        return sequence.enumerated().map { child(String($0.offset), $0.element) }
    }

    /// A scalar as written.
    func string() throws(ReportingError) -> String {
        guard let scalar = node.scalar else { throw error(.invalidValue("must be a single value, not a list or mapping")) }
        return scalar.string
    }

    /// A scalar that must hold some text.
    func text() throws(ReportingError) -> String {
        let value = try string().trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw error(.invalidValue("must not be empty")) }
        return value
    }

    func int(in range: ClosedRange<Int>) throws(ReportingError) -> Int {
        let text = try string()
        guard let value = Int(text), range.contains(value) else {
            throw error(.invalidValue("'\(text)' is out of range; use a whole number from \(range.lowerBound) to \(range.upperBound)"))
        }
        return value
    }
}

private struct ProfileMapping {
    let node: ProfileNode
    let entries: [String: ProfileNode]

    func optional(_ key: String) -> ProfileNode? { entries[key] }

    func required(_ key: String) throws(ReportingError) -> ProfileNode {
        guard let entry = entries[key] else { throw node.error(.missingKey(key)) }
        return entry
    }
}
