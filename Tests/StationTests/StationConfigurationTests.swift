import Foundation
import Labels
import Ledger
import PropertyBased
@testable import Station
import Testing

@Suite("Station configuration file")
struct StationConfigurationTests {
    /// The checkout's root, which holds `Devices/`, `Templates/` and `config/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let library = LabelLibrary(roots: [root])

    static func check(_ text: String, environment: [String: String] = [:]) -> StationConfigurationCheck {
        StationSettings.check(yaml: text, file: "station.yaml", environment: environment, library: library)
    }

    // MARK: The example file and the defaults

    @Test("config/station.yaml loads to exactly the embedded defaults, without errors or warnings")
    func exampleFileIsTheDefault() throws {
        let file = Self.root + "/config/station.yaml"
        let check = StationSettings.check(contentsOf: file, environment: [:], library: Self.library)
        #expect(check.errors.isEmpty, "\(check.errors)")
        #expect(check.warnings.isEmpty, "\(check.warnings)")
        #expect(check.settings == StationSettings.embeddedDefault)
        #expect(try StationSettings.load(contentsOf: file, environment: [:]) == .embeddedDefault)
    }

    @Test("The embedded defaults: one virtual line on virtual-203 with product-60x40, port 8080, no users")
    func embeddedDefault() throws {
        let settings = StationSettings.embeddedDefault
        #expect(settings.lines == [LineSettings(id: "line-1")])
        #expect(settings.lines[0].printer == .virtual && settings.lines[0].device == "virtual-203")
        #expect(settings.lines[0].template == "product-60x40" && settings.lines[0].verification == .printerRenders)
        #expect(settings.ledgerPath == "data/station.sqlite" && settings.httpPort == 8080 && settings.users.isEmpty)
        // The defaults name files that exist, and read back from their own YAML.
        #expect(try StationSettings(yaml: settings.yamlText(), file: "defaults", environment: [:], library: Self.library) == settings)
        #expect(StationSettings.checkEmbeddedDefault(environment: [:]).settings == settings)
    }

    @Test("The commented-out network line and users in the example are valid once uncommented")
    func exampleCommentedOutParts() throws {
        let text = try String(contentsOfFile: Self.root + "/config/station.yaml", encoding: .utf8)
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let content = line.drop(while: { $0 == " " })
            let indent = line.count - content.count
            guard content.hasPrefix("# - ") || content.hasPrefix("#   ") || content.hasPrefix("# users:")
                || content.hasPrefix("# reporting:") else { return String(line) }
            return String(repeating: " ", count: indent) + content.dropFirst(2)
        }.joined(separator: "\n")
        let tokens = ["OPERATOR", "QUALITY", "LEAD", "ADMIN"].reduce(into: [String: String]()) {
            $0["TRACESTATION_TOKEN_\($1)"] = "token-for-\($1.lowercased())-0123456789"
        }
        let check = StationSettings.check(yaml: uncommented, file: "station.yaml", environment: tokens, library: LabelLibrary(roots: [Self.root]))
        let errors = check.errors.map(\.description)
        // The reporting profile is named relative to the checkout's root, where the station runs.
        #expect(errors.allSatisfy { $0.contains("reporting.profile") }, "\(errors)")
        let lines = check.settings?.lines ?? []
        if errors.isEmpty {
            #expect(lines.count == 2)
            #expect(lines.last?.printer == .network(host: "10.0.0.21", port: 9100))
            #expect(lines.last?.verification == .watchedFolder("/srv/camera/line-2"))
            #expect(check.settings?.users.map(\.role) == [.operator_, .quality, .lead, .admin])
            #expect(check.tokenVariables["lead-wang"] == "TRACESTATION_TOKEN_LEAD")
        }
    }

    // MARK: One broken rule at a time

    /// A file with one broken rule; the line marked `#<` is where the error must point.
    struct Broken: Sendable, CustomTestStringConvertible {
        let rule: String
        let yaml: String
        let key: String
        let says: String
        var environment: [String: String] = [:]

        var testDescription: String { rule }

        var line: Int? {
            yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasSuffix("#<") }.map { $0 + 1 }
        }
    }

    static let good = """
        station: { id: WX-01 }
        lines:
          - id: line-1
        """

    static let broken: [Broken] = [
        Broken(rule: "not YAML", yaml: "station: { id: WX-01\nlines: [ #<", key: "", says: "not valid YAML"),
        Broken(rule: "empty file", yaml: "# nothing\n", key: "", says: "the file is empty"),
        Broken(rule: "a key twice", yaml: "station: { id: WX-01 }\nlines: [ { id: a } ]\nhttp: { port: 1 } #<\nhttp: { port: 2 }", key: "",
               says: "the key 'http' appears twice"),
        Broken(rule: "unknown top-level key", yaml: good + "\nprinters: [] #<", key: "printers",
               says: "unknown key 'printers'; allowed keys are station, ledger, http, reporting, lines, users"),
        Broken(rule: "station id with a space", yaml: "station: { id: WX 01 } #<\nlines: [ { id: a } ]", key: "station.id",
               says: "'WX 01' is not a safe station id; use 1 to 64 letters"),
        Broken(rule: "station id empty", yaml: "station:\n  id: \"\" #<\nlines: [ { id: a } ]", key: "station.id", says: "must not be empty"),
        Broken(rule: "station id a list", yaml: "station:\n  id: [a, b] #<\nlines: [ { id: a } ]", key: "station.id",
               says: "expected text, found a list"),
        Broken(rule: "station id missing", yaml: "station: { output: out } #<\nlines: [ { id: a } ]", key: "station",
               says: "the key 'id' is required under 'station' (or set TRACESTATION_STATION_ID)"),
        Broken(rule: "unknown key under station", yaml: "station: { id: a, outptu: out } #<\nlines: [ { id: a } ]", key: "station.outptu",
               says: "unknown key 'outptu'; allowed keys are id, output"),
        Broken(rule: "ledger without path", yaml: good + "\nledger: { file: x.sqlite } #<", key: "ledger.file",
               says: "unknown key 'file'; allowed keys are path, url, lease_reserve, answer_timeout"),
        Broken(rule: "ledger url not postgres", yaml: good + "\nledger: { url: \"mysql://u@db/ledger\" } #<", key: "ledger.url",
               says: "not a postgres:// URL"),
        Broken(rule: "ledger url a path", yaml: good + "\nledger:\n  path: data/station.sqlite\n  url: data/plant.sqlite #<", key: "ledger.url",
               says: "not a postgres:// URL"),
        Broken(rule: "ledger url without database", yaml: good + "\nledger: { url: \"postgres://station@db.plant:5432\" } #<",
               key: "ledger.url", says: "the URL must name one database"),
        Broken(rule: "lease reserve negative", yaml: good + "\nledger: { url: \"postgres://u@db/ledger\", lease_reserve: -1 } #<",
               key: "ledger.lease_reserve", says: "out of range"),
        Broken(rule: "answer timeout zero", yaml: good + "\nledger: { url: \"postgres://u@db/ledger\", answer_timeout: 0 } #<",
               key: "ledger.answer_timeout", says: "out of range"),
        Broken(rule: "ledger url with unknown sslmode", yaml: good + "\nledger: { url: \"postgres://station@db/ledger?sslmode=always\" } #<",
               key: "ledger.url", says: "sslmode must be disable, prefer, require, not always"),
        Broken(rule: "ledger path a folder", yaml: good + "\nledger: { path: Sources } #<", key: "ledger.path", says: "is a folder"),
        Broken(rule: "http port out of range", yaml: good + "\nhttp:\n  port: 70000 #<", key: "http.port",
               says: "70000 is out of range; use a whole number from 1 to 65535"),
        Broken(rule: "http port not a number", yaml: good + "\nhttp:\n  port: eighty #<", key: "http.port",
               says: "expected a whole number from 1 to 65535, found 'eighty'"),
        Broken(rule: "reporting profile missing", yaml: good + "\nreporting:\n  profile: no/such/reporting.yaml #<", key: "reporting.profile",
               says: "the reporting profile cannot be used"),
        Broken(rule: "lines missing", yaml: "station: { id: WX-01 } #<\nhttp: { port: 8080 }", key: "", says: "the key 'lines' is required"),
        Broken(rule: "lines empty", yaml: "station: { id: WX-01 }\nlines: [] #<", key: "lines", says: "list at least one line"),
        Broken(rule: "lines a mapping", yaml: "station: { id: WX-01 }\nlines: #<\n  line-1: { printer: virtual }", key: "lines",
               says: "expected a list, found a mapping"),
        Broken(rule: "line id missing", yaml: "station: { id: WX-01 }\nlines:\n  - printer: virtual #<", key: "lines[0]",
               says: "the key 'id' is required"),
        Broken(rule: "line id unsafe", yaml: "station: { id: WX-01 }\nlines:\n  - id: line/1 #<", key: "lines[0].id",
               says: "'line/1' is not a safe line id"),
        Broken(rule: "line ids repeated", yaml: good + "\n  - id: line-1 #<", key: "lines[1].id",
               says: "the line id 'line-1' is already lines[0]'s"),
        Broken(rule: "unknown key in a line", yaml: good + "\n  - id: line-2\n    prnter: virtual #<", key: "lines[1].prnter",
               says: "unknown key 'prnter'; allowed keys are id, printer, device, template, verification, verification_timeout, minimum_grade, stop_after_failures, labels_in_printer, trigger_port"),
        Broken(rule: "printer neither virtual nor a host", yaml: good + "\n    printer: usb #<", key: "lines[0].printer",
               says: "'usb' is not a printer; write virtual, or { host: 10.0.0.21, port: 9100 }"),
        Broken(rule: "printer a list", yaml: good + "\n    printer: [a] #<", key: "lines[0].printer",
               says: "expected virtual or a mapping { host: …, port: 9100 }, found a list"),
        Broken(rule: "printer port out of range", yaml: good + """

              - id: line-2
                device: zebra-zt411-203
                verification: none
                printer:
                  host: 10.0.0.21
                  port: 70000 #<
            """, key: "lines[1].printer.port", says: "70000 is out of range; use a whole number from 1 to 65535"),
        Broken(rule: "printer port not a number", yaml: good + "\n    device: zebra-zt411-203\n    verification: none\n    printer: { host: a, port: x } #<",
               key: "lines[0].printer.port", says: "expected a whole number from 1 to 65535, found 'x'"),
        Broken(rule: "printer host with a scheme", yaml: good + "\n    device: zebra-zt411-203\n    verification: none\n    printer: { host: \"tcp://a\" } #<",
               key: "lines[0].printer.host", says: "is not a host name or IP address"),
        Broken(rule: "printer host missing", yaml: good + "\n    device: zebra-zt411-203\n    verification: none\n    printer: { port: 9100 } #<",
               key: "lines[0].printer", says: "the key 'host' is required"),
        Broken(rule: "unknown key in a printer", yaml: good + "\n    device: zebra-zt411-203\n    verification: none\n    printer: { host: a, prot: 1 } #<",
               key: "lines[0].printer.prot", says: "unknown key 'prot'; allowed keys are host, port"),
        Broken(rule: "two lines on one printer", yaml: """
            station: { id: WX-01 }
            lines:
              - { id: a, printer: { host: 10.0.0.21 }, device: zebra-zt411-203, verification: none }
              - id: b
                printer: { host: 10.0.0.21, port: 9100 } #<
                device: zebra-zt411-203
                verification: none
            """, key: "lines[1].printer", says: "lines[0] already prints to 10.0.0.21:9100"),
        Broken(rule: "unknown device", yaml: good + "\n    device: zebra-zt999 #<", key: "lines[0].device",
               says: "no printer profile 'zebra-zt999' in Devices/; available: virtual-203, virtual-300, zebra-zd421-203, zebra-zt411-203, zebra-zt411-300"),
        Broken(rule: "unknown template", yaml: good + "\n    template: product-99x99 #<", key: "lines[0].template",
               says: "no template 'product-99x99' in Templates/; available: carton-100x60, part-30x20, product-60x40"),
        Broken(rule: "network printer without a device", yaml: "station: { id: WX-01 }\nlines:\n  - id: a #<\n    printer: { host: a }\n    verification: none",
               key: "lines[0]", says: "the key 'device' is required for a network printer"),
        Broken(rule: "network printer without verification", yaml: "station: { id: WX-01 }\nlines:\n  - id: a #<\n    printer: { host: a }\n    device: zebra-zt411-203",
               key: "lines[0]", says: "the key 'verification' is required for a network printer"),
        Broken(rule: "network printer with printer renders", yaml: "station: { id: WX-01 }\nlines:\n  - id: a\n    printer: { host: a }\n    device: zebra-zt411-203\n    verification: printer-renders #<",
               key: "lines[0].verification", says: "printer-renders needs printer: virtual"),
        Broken(rule: "printer renders with a network printer whose port is wrong",
               yaml: "station: { id: WX-01 }\nlines:\n  - id: a\n    printer: { host: a, port: 0 }\n    device: zebra-zt411-203\n    verification: printer-renders #<",
               key: "lines[0].verification", says: "printer-renders needs printer: virtual"),
        Broken(rule: "unknown verification", yaml: good + "\n    verification: camera #<", key: "lines[0].verification",
               says: "'camera' is not a verification source; use printer-renders, none or { watch: <camera folder> }"),
        Broken(rule: "watched folder is a file", yaml: good + "\n    verification: { watch: \"\(root)/Package.swift\" } #<", key: "lines[0].verification.watch",
               says: "is a file"),
        Broken(rule: "two lines on one camera folder", yaml: good + "\n    verification: { watch: /srv/cam }\n  - id: b\n    verification: { watch: /srv/cam } #<",
               key: "lines[1].verification.watch", says: "lines[0] already watches '/srv/cam'"),
        Broken(rule: "grade E", yaml: good + "\n    minimum_grade: E #<", key: "lines[0].minimum_grade",
               says: "'E' is not a grade; use one of A, B, C, D, F"),
        Broken(rule: "stop after no failures", yaml: good + "\n    stop_after_failures: 0 #<", key: "lines[0].stop_after_failures",
               says: "0 is out of range; use a whole number from 1 to 100"),
        Broken(rule: "stop after too many failures", yaml: good + "\n    stop_after_failures: 101 #<", key: "lines[0].stop_after_failures",
               says: "101 is out of range; use a whole number from 1 to 100"),
        Broken(rule: "too many labels in the printer", yaml: good + "\n    labels_in_printer: 2000 #<", key: "lines[0].labels_in_printer",
               says: "2000 is out of range; use a whole number from 1 to 1024"),
        Broken(rule: "labels in printer not a number", yaml: good + "\n    labels_in_printer: 1.5 #<", key: "lines[0].labels_in_printer",
               says: "expected a whole number from 1 to 1024, found '1.5'"),
        Broken(rule: "verification timeout 0", yaml: good + "\n    verification: { watch: /srv/cam }\n    verification_timeout: 0 #<",
               key: "lines[0].verification_timeout", says: "0 is out of range; use a whole number from 1 to 3600"),
        Broken(rule: "verification timeout with a unit", yaml: good + "\n    verification: { watch: /srv/cam }\n    verification_timeout: 10s #<",
               key: "lines[0].verification_timeout", says: "expected a whole number from 1 to 3600, found '10s'"),
        Broken(rule: "trigger port 0", yaml: good + "\n    trigger_port: 0 #<", key: "lines[0].trigger_port",
               says: "0 is out of range; use a whole number from 1 to 65535"),
        Broken(rule: "trigger port out of range", yaml: good + "\n    trigger_port: 65536 #<", key: "lines[0].trigger_port",
               says: "65536 is out of range; use a whole number from 1 to 65535"),
        Broken(rule: "trigger port not a number", yaml: good + "\n    trigger_port: plc #<", key: "lines[0].trigger_port",
               says: "expected a whole number from 1 to 65535, found 'plc'"),
        Broken(rule: "two lines on one trigger port", yaml: good + "\n    trigger_port: 9200\n  - id: b\n    trigger_port: 9200 #<",
               key: "lines[1].trigger_port", says: "lines[0] already takes triggers on port 9200; each line needs its own trigger port"),
        Broken(rule: "trigger port is the API's", yaml: good + "\n    trigger_port: 8081 #<\nhttp: { port: 8081 }", key: "lines[0].trigger_port",
               says: "8081 is the HTTP API's port (http.port); give the PLC a port of its own"),
        Broken(rule: "unknown role", yaml: good + "\nusers:\n  - { name: a, role: superuser, token_env: T } #<", key: "users[0].role",
               says: "'superuser' is not allowed; use one of operator, quality, lead, admin", environment: ["T": "0123456789abcdef"]),
        Broken(rule: "user without a name", yaml: good + "\nusers:\n  - { role: lead, token_env: T } #<", key: "users[0]",
               says: "the key 'name' is required", environment: ["T": "0123456789abcdef"]),
        Broken(rule: "unknown key in a user", yaml: good + "\nusers:\n  - name: a\n    role: lead\n    token_env: T\n    password: x #<", key: "users[0].password",
               says: "unknown key 'password'; allowed keys are name, role, token_env, token", environment: ["T": "0123456789abcdef"]),
        Broken(rule: "token variable unset", yaml: good + "\nusers:\n  - name: lead-wang\n    role: lead\n    token_env: TRACESTATION_TOKEN_LEAD #<",
               key: "users[0].token_env", says: "the environment variable TRACESTATION_TOKEN_LEAD is not set"),
        Broken(rule: "token variable badly named", yaml: good + "\nusers:\n  - name: a\n    role: lead\n    token_env: 1-TOKEN #<",
               key: "users[0].token_env", says: "'1-TOKEN' is not an environment variable name"),
        Broken(rule: "token short", yaml: good + "\nusers:\n  - name: a\n    role: lead\n    token: short #<", key: "users[0].token",
               says: "the token is 5 characters; use 16 or more"),
        Broken(rule: "token from the environment short", yaml: good + "\nusers:\n  - name: a\n    role: lead\n    token_env: T #<", key: "users[0].token_env",
               says: "the token in T is 5 characters; use 16 or more", environment: ["T": "short"]),
        Broken(rule: "token with a space", yaml: good + "\nusers:\n  - name: a\n    role: lead\n    token: \"0123456789 abcdef\" #<", key: "users[0].token",
               says: "holds a space"),
        Broken(rule: "tokens repeated", yaml: good + "\nusers:\n  - { name: a, role: lead, token_env: T }\n  - { name: b, role: operator, token_env: T } #<",
               key: "users[1].token_env", says: "the token in T is the same as users[0]'s", environment: ["T": "0123456789abcdef"]),
        Broken(rule: "user names repeated", yaml: good + "\nusers:\n  - { name: a, role: lead, token_env: T }\n  - { name: a, role: operator, token_env: U } #<",
               key: "users[1].name", says: "the user 'a' is already users[0]", environment: ["T": "0123456789abcdef", "U": "fedcba9876543210"]),
        Broken(rule: "token and token_env both", yaml: good + "\nusers:\n  - { name: a, role: lead, token_env: T, token: \"0123456789abcdef\" } #<",
               key: "users[0].token_env", says: "give either token_env or token, not both", environment: ["T": "0123456789abcdef"]),
        Broken(rule: "user without a token", yaml: good + "\nusers:\n  - { name: a, role: lead } #<", key: "users[0]",
               says: "the key 'token_env' is required"),
    ]

    @Test("A broken rule names the file, the line and the dotted key", arguments: broken)
    func brokenRule(_ case_: Broken) throws {
        let check = Self.check(case_.yaml, environment: case_.environment)
        #expect(check.settings == nil)
        let line = case_.line
        let found = check.errors.first { $0.key == case_.key && $0.description.contains(case_.says) }
        #expect(found != nil, "no error at \(case_.key.isEmpty ? "the file" : case_.key) saying \(case_.says); got \(check.errors)")
        #expect(found?.line == line, "\(found.map(String.init(describing:)) ?? "nothing"): expected line \(line.map(String.init) ?? "none")")
        let file = line.map { "station.yaml:\($0)" } ?? "station.yaml"
        let place = case_.key.isEmpty ? "\(file): " : "\(file) \(case_.key): "
        #expect(found?.description.hasPrefix(place) == true, "\(found.map(String.init(describing:)) ?? "nothing")")
        // The same through load: one error listing every problem.
        #expect(throws: StationConfigurationError.self) {
            try StationSettings(yaml: case_.yaml, file: "station.yaml", environment: case_.environment, library: Self.library)
        }
    }

    @Test("Every problem in a file is reported at once, in file order")
    func everyProblemAtOnce() {
        let check = Self.check("""
            station: { id: "WX 01" }
            http: { port: 0 }
            lines:
              - id: line-1
                stop_after_failures: 0
                template: nope
              - id: line-1
            users:
              - { name: lead-wang, role: boss, token_env: TRACESTATION_TOKEN_LEAD }
            """)
        #expect(check.errors.map(\.key) == ["station.id", "http.port", "lines[0].stop_after_failures", "lines[0].template",
                                             "lines[1].id", "users[0].role", "users[0].token_env"])
        #expect(check.errors.map(\.line) == [1, 2, 5, 6, 7, 9, 9])
        let error = StationConfigurationError(check.errors)
        #expect(error.description.split(separator: "\n").count == 7)
    }

    @Test("A token written in the file works, with a warning; a token from the environment is read from it")
    func tokens() throws {
        let check = Self.check(Self.good + """

            users:
              - { name: op-li, role: operator, token: "inline-token-0123456789" }
              - { name: lead-wang, role: lead, token_env: TRACESTATION_TOKEN_LEAD }
            """, environment: ["TRACESTATION_TOKEN_LEAD": "lead-token-abcdefghijkl"])
        let settings = try check.get()
        #expect(settings.users == [StationSettings.User(name: "op-li", role: .operator_, token: "inline-token-0123456789"),
                                   StationSettings.User(name: "lead-wang", role: .lead, token: "lead-token-abcdefghijkl")])
        #expect(check.tokenVariables == ["lead-wang": "TRACESTATION_TOKEN_LEAD"])
        #expect(check.warnings.map(\.key) == ["users[0].token"])
        #expect(check.warnings.first?.description.contains("prefer token_env") == true)
        // No error or warning repeats a token.
        #expect(!(check.errors + check.warnings).map(\.description).joined().contains("token-0123456789"))
    }

    @Test("A minimum grade is upper-cased; on an unverified line it warns that it has no effect")
    func grades() throws {
        let check = Self.check(Self.good + "\n    verification: none\n    minimum_grade: b")
        #expect(try check.get().lines[0].minimumGrade == "B")
        #expect(check.warnings.map(\.key) == ["lines[0].minimum_grade"])
    }

    @Test("A trigger port and a verification timeout are read; a timeout without a watched folder warns that it has no effect")
    func triggerPortAndTimeout() throws {
        let check = Self.check(Self.good + """

                trigger_port: 9200
              - id: line-2
                verification: { watch: "\(Self.root)/Tests" }
                verification_timeout: 30
                trigger_port: 9201
              - id: line-3
                verification_timeout: 30
            """)
        let lines = try check.get().lines
        #expect(lines.map(\.triggerPort) == [9200, 9201, nil])
        #expect(lines.map(\.verificationTimeout) == [LineSettings.defaultVerificationTimeout, .seconds(30), .seconds(30)])
        #expect(check.warnings.map(\.key) == ["lines[2].verification_timeout"])
        #expect(check.warnings.first?.description.contains("has no effect") == true)
    }

    // MARK: The plant's PostgreSQL ledger

    @Test("ledger.url names the plant's PostgreSQL ledger; ledger.path stays the local file, data/station.sqlite by default")
    func ledgerURL() throws {
        let url = "postgres://station:secret-pw@db.plant:5432/ledger?sslmode=require"
        let settings = try Self.check(Self.good + "\nledger: { url: \"\(url)\" }").get()
        #expect(settings.ledgerURL == url)
        #expect(settings.ledgerPath == "data/station.sqlite")
        #expect(settings.ledgerDisplayURL == "postgres://station@db.plant:5432/ledger?sslmode=require")
        #expect(try settings.ledgerLocation(environment: [:]).description == "postgres://station@db.plant:5432/ledger")

        let both = try Self.check(Self.good + "\nledger: { path: /srv/station.sqlite, url: \"\(url)\" }").get()
        #expect(both.ledgerPath == "/srv/station.sqlite" && both.ledgerURL == url)
        #expect(try StationSettings(yaml: both.yamlText(), file: "again", environment: [:], library: Self.library) == both)

        // How the station rides out an outage of the shared ledger.
        let tuned = try Self.check(Self.good + "\nledger: { url: \"\(url)\", lease_reserve: 500, answer_timeout: 7 }").get()
        #expect(tuned.sharedLedger.leaseReserve == 500 && tuned.sharedLedger.answerTimeout == .seconds(7))
        #expect(both.sharedLedger == BufferedLedger.Options())
        #expect(try StationSettings(yaml: tuned.yamlText(), file: "again", environment: [:], library: Self.library) == tuned)

        // Without a URL the ledger is the local file.
        let local = try Self.check(Self.good).get()
        #expect(local.ledgerURL == nil)
        #expect(try local.ledgerLocation(environment: [:]) == .sqlite(path: "data/station.sqlite"))
    }

    @Test("A password in a refused ledger.url never appears in the error")
    func ledgerURLErrorHidesPassword() {
        let check = Self.check(Self.good + "\nledger: { url: \"postgres://station:secret-pw@db.plant/ledger?pool_max=none\" }")
        #expect(check.errors.map(\.key) == ["ledger.url"])
        #expect(check.errors.first?.description.contains("pool_max") == true)
        #expect(check.errors.allSatisfy { !$0.description.contains("secret-pw") }, "\(check.errors)")
    }

    @Test("TRACESTATION_LEDGER_URL sets the ledger URL, shown without its password; a bad one names the variable and key")
    func ledgerURLOverride() throws {
        let url = "postgresql://station:secret-pw@db.plant/ledger"
        let check = Self.check(Self.good, environment: ["TRACESTATION_LEDGER_URL": url])
        #expect(try check.get().ledgerURL == url)
        #expect(check.overrides == ["TRACESTATION_LEDGER_URL": "postgresql://station@db.plant/ledger"])

        let bad = Self.check(Self.good, environment: ["TRACESTATION_LEDGER_URL": "https://station:secret-pw@db.plant/ledger"])
        #expect(bad.settings == nil)
        #expect(bad.errors.first?.place == .environment(variable: "TRACESTATION_LEDGER_URL"))
        #expect(bad.errors.first?.key == "ledger.url")
        #expect(bad.errors.allSatisfy { !$0.description.contains("secret-pw") }, "\(bad.errors)")
    }

    // MARK: Environment overrides

    @Test("The four environment variables override the file; an empty one counts as unset")
    func overrides() throws {
        let environment = ["TRACESTATION_STATION_ID": "WX-02", "TRACESTATION_LEDGER": "/var/lib/tracestation/station.sqlite",
                           "TRACESTATION_HTTP_PORT": "9090", "TRACESTATION_OUTPUT": "/var/lib/tracestation/out"]
        let check = Self.check(Self.good + "\nhttp: { port: 8081 }", environment: environment)
        let settings = try check.get()
        #expect(settings.stationID == "WX-02")
        #expect(settings.ledgerPath == "/var/lib/tracestation/station.sqlite")
        #expect(settings.httpPort == 9090)
        #expect(settings.outputDirectory == "/var/lib/tracestation/out")
        #expect(check.overrides == environment)

        let empty = try Self.check(Self.good, environment: ["TRACESTATION_HTTP_PORT": "", "TRACESTATION_STATION_ID": ""]).get()
        #expect(empty.httpPort == 8080 && empty.stationID == "WX-01")

        // The station id may come from the environment alone.
        let fromEnvironment = try Self.check("lines: [ { id: line-1 } ]", environment: ["TRACESTATION_STATION_ID": "WX-03"]).get()
        #expect(fromEnvironment.stationID == "WX-03")

        // Overrides apply to the embedded defaults too.
        let defaults = StationSettings.checkEmbeddedDefault(environment: ["TRACESTATION_HTTP_PORT": "18080"])
        #expect(defaults.settings?.httpPort == 18080)
    }

    @Test("A bad override is refused naming its variable", arguments: [
        ("TRACESTATION_HTTP_PORT", "eighty", "http.port", "'eighty' is not a port; use a whole number from 1 to 65535"),
        ("TRACESTATION_HTTP_PORT", "65536", "http.port", "'65536' is not a port"),
        ("TRACESTATION_HTTP_PORT", "0", "http.port", "'0' is not a port"),
        ("TRACESTATION_STATION_ID", "WX 01", "station.id", "'WX 01' is not a safe station id"),
        ("TRACESTATION_STATION_ID", "工位-1", "station.id", "'工位-1' is not a safe station id"),
    ])
    func badOverride(variable: String, value: String, key: String, says: String) {
        for check in [Self.check(Self.good, environment: [variable: value]),
                      StationSettings.checkEmbeddedDefault(environment: [variable: value])] {
            #expect(check.settings == nil)
            #expect(check.errors.count == 1)
            #expect(check.errors.first?.place == .environment(variable: variable))
            #expect(check.errors.first?.key == key)
            #expect(check.errors.first?.description.hasPrefix("environment \(variable) (\(key)): \(says)") == true,
                    "\(check.errors)")
        }
    }

    @Test("A file that does not exist is one error naming it")
    func missingFile() {
        let check = StationSettings.check(contentsOf: "/no/such/station.yaml", environment: [:], library: Self.library)
        #expect(check.errors.map(\.description) == [
            "/no/such/station.yaml: cannot be read: no such file; pass --config with the station's file, or copy config/station.yaml",
        ])
        #expect(throws: StationConfigurationError.self) { try StationSettings.load(contentsOf: "/no/such/station.yaml", environment: [:]) }
    }

    // MARK: Round trip

    @Test("Random valid settings written as YAML load back equal")
    func roundTrip() async {
        await propertyCheck(count: 40, input: Samples.settings) { settings in
            let text = settings.yamlText()
            let check = Self.check(text)
            #expect(check.errors.isEmpty, "\(check.errors)\n\(text)")
            #expect(check.settings == settings, "\(text)")
        }
    }
}

/// Generators of valid station settings, with text that exercises quoting.
enum Samples {
    static let devices = StationConfigurationTests.library.names(in: "Devices")
    static let templates = StationConfigurationTests.library.names(in: "Templates")

    static let identifier = Gen.element(of: Array("abcxyzABCXYZ0189-_")).map { $0! }.string(of: 1...20)
    /// Paths with spaces, quotes, backslashes, colons, hashes and Chinese, trimmed as the reader trims.
    static let path = Gen.element(of: Array("abz09 -_./:#'\"\\中文码é{}[],&*!|>%@`")).map { $0! }.string(of: 1...24)
        .map { text -> String in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? "p" : trimmed
        }
    static let token = Gen.element(of: (0x21...0x7E).map { Character(UnicodeScalar(UInt8($0))) }).map { $0! }.string(of: 16...40)

    /// Printer: 0 virtual, else network; verification: 0 printer renders (virtual only), 1 watched, 2 none.
    static let line = zip(identifier, Gen.int(in: 0...1), Gen.element(of: devices).map { $0! }, Gen.element(of: templates).map { $0! },
                          Gen.int(in: 0...2), Gen.element(of: [nil] + LineSettings.grades).map { $0 ?? nil }, Gen.int(in: 1...100),
                          Gen.int(in: 1...1024), zip(path, Gen.int(in: 1...65535), Gen.bool, Gen.int(in: LineSettings.verificationTimeoutRange)))

    static let user = zip(identifier, Gen.element(of: StationSettings.Role.allCases).map { $0! }, token)

    /// HTTP ports stay below the trigger ports, which are 40000 and up.
    static let settings = zip(identifier, path, Gen.int(in: 1...39999), path, Gen.bool, line.array(of: 1...4), user.array(of: 0...4))
        .map { stationID, path, port, output, reporting, lines, users in
            StationSettings(
                stationID: stationID, ledgerPath: path + ".sqlite",
                lines: lines.enumerated().map { index, line in
                    let (id, printerKind, device, template, verificationKind, grade, failures, labels,
                         (folder, printerPort, hasTrigger, timeout)) = line
                    let printer: LineSettings.PrinterAddress = printerKind == 0 ? .virtual
                        : .network(host: "printer-\(index).plant\(index).example", port: printerPort)
                    let verification: LineSettings.VerificationSource = switch verificationKind {
                    case 0 where printer == .virtual: .printerRenders
                    case 0, 1: .watchedFolder("\(folder)/camera-\(index)")
                    default: .none
                    }
                    return LineSettings(id: "\(id)-\(index)", printer: printer, device: device, template: template,
                                        verification: verification, minimumGrade: grade, maximumConsecutiveFailures: failures,
                                        labelsInPrinter: labels, verificationTimeout: .seconds(timeout),
                                        triggerPort: hasTrigger ? 40000 + index : nil)
                },
                reportingProfile: reporting ? StationConfigurationTests.root + "/config/reporting.yaml" : nil,
                httpPort: port,
                users: users.enumerated().map { index, user in
                    StationSettings.User(name: "\(user.0)-\(index)", role: user.1, token: "\(user.2)-\(index)")
                },
                outputDirectory: output)
        }
}
