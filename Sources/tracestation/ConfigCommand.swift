import ArgumentParser
import Foundation
import Station

/// `tracestation config`: the station's configuration file.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the station's configuration file.",
        subcommands: [Check.self]
    )
}

extension ConfigCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the station's configuration, apply the environment's overrides and check every rule.",
            discussion: """
                Prints the resolved settings (tokens masked) and exits 0, or prints every problem, \
                one a line as `error: <file>:<line> <key>: <rule>`, on standard error and exits 1. \
                Warnings, such as a token written in the file, are printed and do not fail the check.

                Without --config, config/station.yaml is checked when it exists; otherwise the \
                embedded defaults are shown. TRACESTATION_STATION_ID, TRACESTATION_LEDGER, \
                TRACESTATION_LEDGER_URL, TRACESTATION_HTTP_PORT and TRACESTATION_OUTPUT override \
                the file. A ledger URL is shown without its password. Every key is described in \
                docs/configuration.md.

                Examples:
                  tracestation config check
                  tracestation config check --config /etc/tracestation/station.yaml
                """
        )

        @Option(help: ArgumentHelp("The station's configuration file (YAML); default config/station.yaml, else the embedded defaults.",
                                   valueName: "FILE"))
        var config: String?

        func run() async throws {
            let check = StationSettings.check(path: config)
            let source = check.file ?? "no \(StationSettings.defaultPath): the embedded defaults"
            for warning in check.warnings { Self.standardError("warning: \(warning)") }
            guard let settings = check.settings, check.errors.isEmpty else {
                for error in check.errors { Self.standardError("error: \(error)") }
                let count = check.errors.count
                Self.standardError("\(source): \(count) \(count == 1 ? "error" : "errors"); the station would not start")
                throw ExitCode(1)
            }
            print("\(source): valid")
            print(Self.describe(settings, check: check), terminator: "")
        }

        static func standardError(_ text: String) {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }

        /// The settings as an operator reads them, each overridden value followed by its variable.
        static func describe(_ settings: StationSettings, check: StationConfigurationCheck) -> String {
            func from(_ variable: String) -> String { check.overrides[variable] == nil ? "" : "   (from \(variable))" }
            var rows: [(String, String)] = [
                ("station", settings.stationID + from(StationSettings.stationIDVariable)),
                ("output", settings.outputDirectory + from(StationSettings.outputVariable)),
                ("ledger", (settings.ledgerDisplayURL ?? settings.ledgerPath)
                    + from(settings.ledgerURL == nil ? StationSettings.ledgerVariable : StationSettings.ledgerURLVariable)),
                ("http port", String(settings.httpPort) + from(StationSettings.httpPortVariable)),
                ("reporting", settings.reportingProfile ?? "config/reporting.yaml when it exists, else the embedded demo profile"),
            ]
            if settings.ledgerURL != nil {
                // The local file stays: the run journal sits beside it.
                rows.insert(("local file", settings.ledgerPath + from(StationSettings.ledgerVariable)), at: 3)
            }
            var text = table(rows, indent: "")
            text += "\nlines (\(settings.lines.count))\n"
            for line in settings.lines {
                let rows: [(String, String)] = [
                    ("printer", describe(line.printer)),
                    ("device", line.device),
                    ("template", line.template),
                    ("verification", describe(line.verification)),
                    ("minimum grade", line.minimumGrade ?? "none: any label that reads right passes"),
                    ("stops after", "\(line.maximumConsecutiveFailures) failed verifications in a row"),
                    ("in printer", "\(line.labelsInPrinter) labels at most"),
                ]
                text += "  \(line.id)\n" + table(rows, indent: "    ")
            }
            if settings.users.isEmpty {
                text += "\nusers: none; the API is closed except /health\n"
            } else {
                text += "\nusers (\(settings.users.count))\n"
                let rows = settings.users.map { user in
                    let source = check.tokenVariables[user.name].map { "from \($0)" } ?? "written in the file"
                    return (user.name, "\(user.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) token ******** (\(user.token.count) characters, \(source))")
                }
                text += table(rows, indent: "  ")
            }
            return text
        }

        private static func describe(_ printer: LineSettings.PrinterAddress) -> String {
            switch printer {
            case .virtual: return "virtual, started by the station on loopback"
            case .network(let host, let port): return "\(host):\(port)"
            }
        }

        private static func describe(_ verification: LineSettings.VerificationSource) -> String {
            switch verification {
            case .printerRenders: return "the virtual printer's renders"
            case .watchedFolder(let folder): return "camera images in \(folder)"
            case .none: return "none: labels are not verified at the line"
            }
        }

        private static func table(_ rows: [(String, String)], indent: String) -> String {
            let width = rows.map(\.0.count).max() ?? 0
            return rows.map { "\(indent)\($0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0))\($0.1)\n" }.joined()
        }
    }
}
