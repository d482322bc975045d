import ArgumentParser
import Foundation
import Ledger
import Logging
import Reporting
import Station
import StationHTTP

/// The station as a service: its lines, the HTTP API and the dashboard, until SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the station: its lines, the HTTP API and the dashboard, until SIGTERM or Ctrl-C.",
        discussion: """
            Reads the configuration (--config, else config/station.yaml, else the embedded \
            defaults: one line on a virtual printer), checks it whole and refuses to start on \
            any error, naming the file, line and key. Opens the ledger (the SQLite file ledger.path, \
            or the plant's PostgreSQL database ledger.url, its password from \
            TRACESTATION_LEDGER_PASSWORD when the URL has none; exits 1 when it cannot), starts each line's \
            printer link (a virtual printer in-process for `printer: virtual`), and serves the \
            API and the dashboard on --host and --port (default: the configuration's http_port).

            Batches are created and started through the API (POST /api/v1/batches, then POST \
            /api/v1/lines/{line}/start). On SIGTERM or SIGINT each line sends nothing more, \
            finishes the labels already in its printer (printed, verified, recorded; up to \
            --shutdown-grace seconds) and the station exits 0. The run each line was on is kept \
            in <ledger.path>.runs.json, and the next start resumes it with the labels still owed; labels \
            a crash left sent with no outcome are flagged unconfirmed for the lead.

            Batch closes are signed with the key in TRACESTATION_SIGNING_KEY; without one, closes \
            are refused (503) and everything else works.

            With --plant it serves the plant view alone (GET /api/v1/plant, /dashboard/plant, \
            /health, /metrics): every line that the stations sharing the ledger publish, starting \
            no line of its own and publishing nothing.

            Examples:
              tracestation serve
              tracestation serve --plant --port 8090
              tracestation serve --config /etc/tracestation/station.yaml --port 8080 --host 0.0.0.0
            """
    )

    @Option(help: ArgumentHelp("The station's configuration file (YAML); default config/station.yaml, else the embedded defaults.",
                               valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("The HTTP port; 0 picks a free one (printed at start). Default: the configuration's http_port.",
                               valueName: "N"))
    var port: Int?

    @Option(help: "The address to listen on. Loopback by default: tokens travel in clear over plain HTTP.")
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Seconds a shutdown waits for the labels in each printer to settle.", valueName: "SECONDS"))
    var shutdownGrace = 10.0

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Flag(help: "Serve only the plant view of the ledger's stations; start no line.")
    var plant = false

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535, not \(port)") }
        guard shutdownGrace >= 0 else { throw ValidationError("--shutdown-grace must be 0 or more seconds, not \(shutdownGrace)") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical, not \(logLevel)")
        }
    }

    func run() async throws {
        let check = StationSettings.check(path: config)
        for warning in check.warnings { ConfigCommand.Check.standardError("warning: \(warning)") }
        guard let settings = check.settings, check.errors.isEmpty else {
            for error in check.errors { ConfigCommand.Check.standardError("error: \(error)") }
            ConfigCommand.Check.standardError("\(check.file ?? "the embedded defaults"): the station cannot start")
            throw ExitCode(1)
        }
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "tracestation.station")

        let ledgerFolder = (settings.ledgerPath as NSString).deletingLastPathComponent
        if !ledgerFolder.isEmpty { try FileManager.default.createDirectory(atPath: ledgerFolder, withIntermediateDirectories: true) }
        let opened: any LedgerStore
        do {
            opened = try await settings.ledgerLocation().open(station: settings.stationID)
        } catch {
            ConfigCommand.Check.standardError("tracestation serve: \(error)")
            throw ExitCode(1)
        }
        if let url = settings.ledgerDisplayURL {
            logger.notice("ledger on PostgreSQL \(url); offline journal \(settings.ledgerPath)")
        }
        if plant {
            try await StationRuntime.plantView(settings: settings, ledger: opened, logger: logger).run(host: host, port: port) { bound in
                FileHandle.standardOutput.write(Data("tracestation serving the plant view on http://\(host):\(bound) (lines: none)\n".utf8))
            }
            logger.notice("plant view stopped")
            return
        }
        // On a shared ledger the lines print from leased codes, and ride out an outage in
        // the station's own file.
        let ledger: any LedgerStore = settings.ledgerURL == nil ? opened
            : try BufferedLedger(shared: opened, journal: OfflineJournal(path: settings.ledgerPath, station: settings.stationID),
                                 options: settings.sharedLedger, logger: logger)
        let journal = try LineRunJournal(ledgerPath: settings.ledgerPath)
        let signer = try? CheckpointSigner(option: nil, environment: ProcessInfo.processInfo.environment)
        if signer == nil { logger.warning("no signing key in \(CheckpointSigner.environmentVariable): batch closes will be refused") }
        let products = try settings.reportingProfile.map { try ReportingProfile.load(path: $0).products }

        let station = await StationRuntime.start(settings: settings, ledger: ledger, signer: signer, products: products, journal: journal,
                                                 logger: logger, shutdownGrace: .milliseconds(Int(shutdownGrace * 1000)))
        let lines = station.lines.map(\.settings.id).joined(separator: ", ")
        try await station.run(host: host, port: port) { bound in
            // One line on standard output, so scripts (and tests) learn a port chosen with --port 0.
            let line = "tracestation serving station \(settings.stationID) on http://\(host):\(bound) (lines: \(lines.isEmpty ? "none" : lines))\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        // Closes the PostgreSQL pool's connections cleanly rather than dropping them at exit.
        await (opened as? PostgresLedger)?.shutdown()
        logger.notice("station stopped")
    }
}
