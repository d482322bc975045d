import Hummingbird
import Labels
import Ledger
import Logging
import Reporting
import ServiceLifecycle
import Station

/// A running station: its lines (each resuming the run it was on when the station last
/// stopped), the HTTP API and dashboard over them, and the metrics that follow them. `run`
/// serves until SIGTERM or SIGINT, then lets every line finish the labels in its printer.
///
/// ```
/// let station = await StationRuntime.start(settings: settings, ledger: ledger, signer: signer, journal: journal, logger: logger)
/// try await station.run()
/// ```
public struct StationRuntime: Sendable {
    public let api: StationAPI
    public let lines: [LineWorkflow]
    /// How long a shutdown waits for the labels in each printer to settle.
    public let shutdownGrace: Duration
    private let followers: [Task<Void, Never>]
    /// Publishes the lines for the plant view; nil under `serve --plant`, which publishes nothing.
    private let publisher: LineStatusPublisher?

    /// Starts every configured line and resumes the journal's runs. A line whose printer or
    /// template cannot start is left out and logged, and the API answers 503 for it: one
    /// broken line does not stop the others. A virtual printer keeps its latest
    /// `keptLabelFiles` label images on disk, unless `lineOptions` says otherwise. Every
    /// line's status is published to the ledger for the plant view as `plant` says.
    public static func start(settings: StationSettings, ledger: any LedgerStore, signer: CheckpointSigner?,
                             products: [String: Product]? = nil, library: LabelLibrary = .standard(), journal: LineRunJournal?,
                             logger: Logger, lineOptions: @Sendable (LineSettings) -> LineWorkflow.Options = { _ in .init() },
                             shutdownGrace: Duration = .seconds(10), keptLabelFiles: Int = 1000,
                             plant: PlantOptions = PlantOptions()) async -> StationRuntime {
        let metrics = StationMetrics(lines: settings.lines.map(\.id))
        var lines: [LineWorkflow] = []
        for line in settings.lines {
            var options = lineOptions(line)
            options.journal = journal
            options.keptLabelFiles = options.keptLabelFiles ?? keptLabelFiles
            let id = line.id
            options.labelSettled = { latency, passed in metrics.labelSettled(line: id, latency: latency, passed: passed) }
            options.logger = logger
            do {
                let workflow = try await LineWorkflow.start(settings: line, ledger: ledger, library: library,
                                                            labelFolder: "\(settings.outputDirectory)/\(line.id)/labels", options: options)
                lines.append(workflow)
            } catch {
                logger.error("line not started", metadata: ["line.id": "\(line.id)", "error": "\(error)"])
            }
        }
        var followers: [Task<Void, Never>] = []
        for line in lines { followers.append(await metrics.follow(line)) }
        for line in lines {
            do {
                if let run = try await line.resumeJournaledRun() {
                    logger.notice("run resumed", metadata: ["line.id": "\(line.settings.id)", "batch.id": "\(run.batch)"])
                }
            } catch {
                logger.error("run not resumed", metadata: ["line.id": "\(line.settings.id)", "error": "\(error)"])
            }
        }
        let api = StationAPI(settings: settings, ledger: ledger, signer: signer, products: products, logger: logger, metrics: metrics,
                             lines: lines, plant: plant)
        let publisher = LineStatusPublisher(station: settings.stationID, configured: settings.lines.map(\.id), lines: api.lines,
                                            ledger: ledger, options: plant, logger: logger)
        return StationRuntime(api: api, lines: lines, shutdownGrace: shutdownGrace, followers: followers, publisher: publisher)
    }

    /// The plant view alone (`serve --plant`): every station's lines from the ledger, health
    /// and metrics; no line of its own is started and nothing is published.
    public static func plantView(settings: StationSettings, ledger: any LedgerStore, logger: Logger,
                                 plant: PlantOptions = PlantOptions()) -> StationRuntime {
        let api = StationAPI(settings: settings, ledger: ledger, signer: nil, logger: logger, metrics: StationMetrics(lines: []),
                             plant: plant, plantOnly: true)
        return StationRuntime(api: api, lines: [], shutdownGrace: .zero, followers: [], publisher: nil)
    }

    /// Serves on `host` and the settings' port (or `port`; 0 picks a free one, told to
    /// `onListening`), with each line's trigger port on `host` too, until SIGTERM or SIGINT,
    /// or until the task is cancelled; then each line finishes the labels in its printer and
    /// the station stops. A trigger port that cannot be bound stops the start, naming it.
    public func run(host: String = "127.0.0.1", port: Int? = nil, onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let application = api.application(host: host, port: port, onListening: onListening)
        // PLCs reach the trigger ports on the same address as the API.
        var triggers: [TriggerServer] = []
        for line in lines {
            guard let port = line.settings.triggerPort else { continue }
            do {
                triggers.append(try await TriggerServer.start(for: line, host: host, port: port))
            } catch {
                for trigger in triggers { await trigger.close() }
                throw error
            }
        }
        let lineService = LineShutdownService(lines: lines, triggers: triggers, grace: shutdownGrace, logger: api.logger)
        // Shut down in reverse: the lines first, then the server, then the publisher, which
        // tells the plant the lines' final state.
        let publishing: [ServiceGroupConfiguration.ServiceConfiguration] = publisher.map { [.init(service: $0)] } ?? []
        let group = ServiceGroup(configuration: .init(
            services: publishing + [
                .init(service: application),
                .init(service: lineService, successTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: api.logger))
        try await group.run()
        for follower in followers { await follower.value }
    }
}

/// Waits for the station's shutdown, then stops taking triggers and stops every line at once:
/// each finishes the labels in its printer and keeps its run in the journal for the next start.
struct LineShutdownService: Service {
    let lines: [LineWorkflow]
    let triggers: [TriggerServer]
    let grace: Duration
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.notice("stopping the lines: the labels in each printer are finished first")
        for trigger in triggers { await trigger.close() }
        await withTaskGroup(of: Void.self) { group in
            for line in lines {
                group.addTask {
                    let status = await line.shutDown(grace: grace)
                    logger.notice("line stopped", metadata: [
                        "line.id": "\(status.line)", "batch.id": "\(status.batch.map(String.init) ?? "none")", "remaining": "\(status.remaining)",
                    ])
                }
            }
        }
    }
}
