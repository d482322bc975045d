import Foundation
import Labels
import Reporting

extension StationSettings {
    /// The file `tracestation config check` and the station read when none is named.
    public static let defaultPath = "config/station.yaml"

    /// The top-level keys, in the order the example file writes them.
    static let yamlKeys = ["station", "ledger", "http", "reporting", "lines", "users"]
    static let userKeys = ["name", "role", "token_env", "token"]

    /// Reads the configuration file at `path`, applies the overrides set in `environment` and
    /// checks every rule; the error lists every problem, each with its line and dotted key.
    ///
    /// ```yaml
    /// station: { id: WX-01, output: out }
    /// ledger: { path: data/station.sqlite }   # or { url: postgres://station@db.plant:5432/ledger }
    /// http: { port: 8080 }
    /// reporting: { profile: config/reporting.yaml }
    /// lines:
    ///   - { id: line-1, printer: virtual, device: virtual-203, template: product-60x40 }
    /// users:
    ///   - { name: lead-wang, role: lead, token_env: TRACESTATION_TOKEN_LEAD }
    /// ```
    ///
    /// `docs/configuration.md` describes every key, its default and its rule.
    public static func load(contentsOf path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(StationConfigurationError) -> StationSettings {
        try check(contentsOf: path, environment: environment).get()
    }

    /// Parses configuration text; `file` names it in errors.
    public init(yaml text: String, file: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                library: LabelLibrary = .standard()) throws(StationConfigurationError) {
        self = try Self.check(yaml: text, file: file, environment: environment, library: library).get()
    }

    /// The file at `path`; with no path, `defaultPath` when it exists, else the embedded defaults.
    public static func check(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                             library: LabelLibrary = .standard()) -> StationConfigurationCheck {
        if let path { return check(contentsOf: path, environment: environment, library: library) }
        if FileManager.default.fileExists(atPath: defaultPath) {
            return check(contentsOf: defaultPath, environment: environment, library: library)
        }
        return checkEmbeddedDefault(environment: environment)
    }

    /// Reads and checks the file at `path`, keeping every error and warning.
    public static func check(contentsOf path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                             library: LabelLibrary = .standard()) -> StationConfigurationCheck {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path)
                ? "the file is not readable UTF-8 text"
                : "no such file; pass --config with the station's file, or copy config/station.yaml"
            return StationConfigurationCheck(
                file: path, settings: nil, errors: [.init(.file(path, line: nil), key: "", .unreadable(reason))])
        }
        return check(yaml: text, file: path, environment: environment, library: library)
    }

    /// The embedded defaults with the environment's overrides.
    public static func checkEmbeddedDefault(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> StationConfigurationCheck {
        let reader = ConfigurationReader(file: "the embedded defaults")
        var settings = embeddedDefault
        let overrides = applyOverrides(to: &settings, environment: environment, reader: reader)
        let errors = reader.sortedErrors()
        return StationConfigurationCheck(file: nil, settings: errors.isEmpty ? settings : nil, errors: errors, overrides: overrides)
    }

    /// Parses and checks configuration text, keeping every error and warning.
    public static func check(yaml text: String, file: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                             library: LabelLibrary = .standard()) -> StationConfigurationCheck {
        let reader = ConfigurationReader(file: file)
        var settings = embeddedDefault
        var tokenVariables: [String: String] = [:]
        var stationIDPlace: ConfigurationNode?
        var hasStationID = false

        if let root = reader.parse(text), let map = reader.mapping(root, allowed: yamlKeys) {
            stationIDPlace = map["station"] ?? root
            if let node = map["station"], let station = reader.mapping(node, allowed: ["id", "output"]) {
                if let idNode = station["id"] {
                    hasStationID = true
                    if let id = reader.identifier(idNode, what: "station id") { settings.stationID = id }
                }
                if let outputNode = station["output"], let output = reader.text(outputNode) { settings.outputDirectory = output }
            }
            if let node = map["ledger"], let ledger = reader.mapping(node, allowed: ["path", "url", "lease_reserve", "answer_timeout"]) {
                readLedger(ledger, into: &settings, reader: reader)
            }
            if let node = map["http"], let http = reader.mapping(node, allowed: ["port"]),
               let portNode = reader.required("port", in: http), let port = reader.int(portNode, in: LineSettings.portRange) {
                settings.httpPort = port
            }
            if let node = map["reporting"], let reporting = reader.mapping(node, allowed: ["profile"]),
               let profileNode = reader.required("profile", in: reporting), let profile = reader.text(profileNode) {
                settings.reportingProfile = profile
                do throws(ReportingError) {
                    _ = try ReportingProfile.load(path: profile)
                } catch {
                    reader.fail(profileNode, .invalidValue("the reporting profile cannot be used: \(error)"))
                }
            }
            if let node = reader.required("lines", in: map) {
                settings.lines = readLines(node, reader: reader, labels: ConfigurationLabels(library: library), httpPort: settings.httpPort)
            }
            if let node = map["users"] {
                settings.users = readUsers(node, reader: reader, environment: environment, tokenVariables: &tokenVariables)
            }
        }

        let overrides = applyOverrides(to: &settings, environment: environment, reader: reader)
        if let place = stationIDPlace, !hasStationID, overrides[stationIDVariable] == nil, environment[stationIDVariable]?.isEmpty ?? true {
            reader.fail(place, .invalidValue(
                "the key 'id' is required under 'station' (or set \(stationIDVariable)): the station's id, unique within the plant, such as WX-01"))
        }
        let errors = reader.sortedErrors()
        return StationConfigurationCheck(
            file: file, settings: errors.isEmpty ? settings : nil, errors: errors, warnings: reader.sortedWarnings(),
            overrides: overrides, tokenVariables: errors.isEmpty ? tokenVariables : [:])
    }

    /// The lines, each with its own printer, camera folder and trigger port, none of them the
    /// API's port as the file gives it.
    private static func readLines(_ node: ConfigurationNode, reader: ConfigurationReader, labels: ConfigurationLabels,
                                  httpPort: Int) -> [LineSettings] {
        guard let items = reader.sequence(node) else { return [] }
        guard !items.isEmpty else {
            reader.fail(node, .invalidValue("list at least one line, such as - { id: line-1, printer: virtual }"))
            return []
        }
        var lines: [LineSettings] = []
        var ids: [String: String] = [:], printers: [String: String] = [:], folders: [String: String] = [:], ports: [Int: String] = [:]
        for item in items {
            // Ids repeat whether or not the rest of their line is valid.
            if let idNode = item.entry("id"), let id = idNode.node.scalar?.string, isSafeIdentifier(id) {
                if let first = ids[id] {
                    reader.fail(idNode, .invalidValue("the line id '\(id)' is already \(first)'s; give each line its own"))
                }
                ids[id] = ids[id] ?? item.key
            }
            guard let line = LineSettings.read(item, reader: reader, labels: labels) else { continue }
            if let printer = line.printerKey {
                if let first = printers[printer] {
                    reader.fail(item.entry("printer") ?? item, .invalidValue("\(first) already prints to \(printer); each line needs its own printer"))
                }
                printers[printer] = printers[printer] ?? item.key
            }
            if case .watchedFolder(let folder) = line.verification {
                let watchNode = item.entry("verification")?.entry("watch") ?? item
                if let first = folders[folder] {
                    reader.fail(watchNode, .invalidValue("\(first) already watches '\(folder)'; each line needs its own camera folder"))
                }
                folders[folder] = folders[folder] ?? item.key
            }
            if let port = line.triggerPort {
                let portNode = item.entry("trigger_port") ?? item
                if port == httpPort {
                    reader.fail(portNode, .invalidValue("\(port) is the HTTP API's port (http.port); give the PLC a port of its own"))
                } else if let first = ports[port] {
                    reader.fail(portNode, .invalidValue("\(first) already takes triggers on port \(port); each line needs its own trigger port"))
                }
                ports[port] = ports[port] ?? item.key
            }
            lines.append(line)
        }
        return lines
    }

    private static func readUsers(_ node: ConfigurationNode, reader: ConfigurationReader, environment: [String: String],
                                  tokenVariables: inout [String: String]) -> [User] {
        guard let items = reader.sequence(node) else { return [] }
        let roles = Role.allCases.map(\.rawValue)
        var users: [User] = []
        var names: [String: String] = [:], tokens: [String: String] = [:]
        for item in items {
            let errorsBefore = reader.errors.count
            guard let map = reader.mapping(item, allowed: userKeys) else { continue }
            var user = User(name: "", role: .operator_, token: "")
            if let nameNode = reader.required("name", in: map), let name = reader.identifier(nameNode, what: "user name") {
                user.name = name
                if let first = names[name] {
                    reader.fail(nameNode, .invalidValue("the user '\(name)' is already \(first); give each user their own name"))
                }
                names[name] = names[name] ?? item.key
            }
            if let roleNode = reader.required("role", in: map), let role = reader.choice(roleNode, of: roles) {
                user.role = Role(rawValue: role)!
            }
            var tokenNode: ConfigurationNode?
            var variable: String?
            switch (map["token_env"], map["token"]) {
            case (let variableNode?, nil):
                tokenNode = variableNode
                guard let name = reader.text(variableNode) else { break }
                guard isVariableName(name) else {
                    reader.fail(variableNode, .invalidValue("'\(name)' is not an environment variable name (letters, digits and _)"))
                    break
                }
                guard let value = environment[name], !value.isEmpty else {
                    reader.fail(variableNode, .invalidValue(
                        "the environment variable \(name) is not set; set it to the user's token (\(minimumTokenLength) characters or more)"))
                    break
                }
                variable = name
                user.token = value
            case (nil, let inlineNode?):
                tokenNode = inlineNode
                guard let value = reader.scalar(inlineNode, expected: "text") else { break }
                user.token = value
                reader.warn(inlineNode, .invalidValue(
                    "the token is written in the file; prefer token_env naming an environment variable that holds it"))
            case (let variableNode?, _?):
                reader.fail(variableNode, .invalidValue("give either token_env or token, not both"))
            case (nil, nil):
                reader.fail(item, .invalidValue(
                    "the key 'token_env' is required: the environment variable that holds the user's token (or 'token', written in the file)"))
            }
            if let tokenNode, reader.errors.count == errorsBefore || !user.token.isEmpty {
                let source = variable.map { "the token in \($0)" } ?? "the token"
                if user.token.count < minimumTokenLength {
                    reader.fail(tokenNode, .invalidValue(
                        "\(source) is \(user.token.count) characters; use \(minimumTokenLength) or more, e.g. from openssl rand -hex 16"))
                } else if !user.token.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) {
                    reader.fail(tokenNode, .invalidValue(
                        "\(source) holds a space, a control character or a non-ASCII character; tokens travel in an HTTP header"))
                } else if let first = tokens[user.token] {
                    reader.fail(tokenNode, .invalidValue("\(source) is the same as \(first)'s; give each user their own token"))
                }
                tokens[user.token] = tokens[user.token] ?? item.key
            }
            if reader.errors.count == errorsBefore {
                users.append(user)
                if let variable { tokenVariables[user.name] = variable }
            }
        }
        return users
    }
}
