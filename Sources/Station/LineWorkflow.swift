import Foundation
import Labels
import Ledger
import Logging
import NIOCore
import NIOPosix
import Synchronization
import Printing
import Verification
import VirtualPrinter

/// What one production line runs: a batch goes in; labels come out of the printer one per
/// item; each is verified; every step is recorded in the ledger.
///
/// One actor per line owns the line's printer link, its label renderer and its run. Codes are
/// issued in blocks before they are rendered; at most `labelsInPrinter` labels are in the
/// printer at a time; the link's events become ledger records (one write per event, not per
/// label); the virtual printer's renders, or a camera's images, are decoded and judged. A
/// label that fails is voided and reprinted with a new, linked code; too many failures in a
/// row stop the line with an alarm; a printer fault pauses it, and it goes on where it
/// stopped when the fault clears.
/// A label whose fate the printer link cannot prove is flagged for the lead, never reprinted.
public actor LineWorkflow {
    /// Set-up beyond the line's settings.
    public struct Options: Sendable {
        /// Product particulars for the template (`product.name`, …), over the template's sample.
        public var values: FieldValues
        /// Faults the virtual printer starts with, such as `paper-out-after=200` for a drill.
        public var printerFaults: PrinterFaults
        /// The printer link's deadlines; its window is always the line's `labelsInPrinter`.
        public var link: PrinterLink.Configuration
        /// How many of the latest label images the status lists.
        public var keptImages: Int
        /// How many of the latest verdicts (with their grades) the status lists.
        public var keptVerdicts: Int
        /// How many of the latest label images a virtual printer leaves in the label folder;
        /// nil keeps them all (a drill's evidence), a number bounds the disk a station uses.
        public var keptLabelFiles: Int?
        /// Told, for each label that settles (verified, or printed on a line that does not
        /// verify), how long it took from going to the printer; for a latency histogram.
        public var labelSettled: (@Sendable (_ latency: Duration, _ passed: Bool) -> Void)?
        /// Where the line writes the run under way, so that the next start resumes it; nil
        /// when runs are not resumed (tests, the demo).
        public var journal: LineRunJournal?
        /// Where the line tells of its state changes (paused, resumed, stopped by an alarm), with
        /// `line.id` and `batch.id`; silent unless the station passes its own.
        public var logger: Logger

        public init(values: FieldValues = FieldValues(), printerFaults: PrinterFaults = PrinterFaults(),
                    link: PrinterLink.Configuration = PrinterLink.Configuration(), keptImages: Int = 8,
                    keptVerdicts: Int = 200, keptLabelFiles: Int? = nil, journal: LineRunJournal? = nil,
                    labelSettled: (@Sendable (_ latency: Duration, _ passed: Bool) -> Void)? = nil,
                    logger: Logger = Logger(label: "tracestation.line", factory: { _ in SwiftLogNoOpLogHandler() })) {
            self.values = values
            self.printerFaults = printerFaults
            self.link = link
            self.keptImages = keptImages
            self.keptVerdicts = keptVerdicts
            self.keptLabelFiles = keptLabelFiles
            self.journal = journal
            self.labelSettled = labelSettled
            self.logger = logger
        }
    }

    public nonisolated let settings: LineSettings
    /// The loop the line runs on. Rendering a label takes milliseconds of CPU, which must not
    /// hold one of the concurrency pool's few threads from the printer links and the ledger.
    private nonisolated let loop: EventLoop
    public nonisolated var unownedExecutor: UnownedSerialExecutor { loop.executor.asUnownedSerialExecutor() }
    /// The in-process printer of a `.virtual` line, for drills and tests (faults, odometer).
    public nonisolated let virtualPrinter: VirtualPrinter?
    /// Where the virtual printer writes `label-<n>.png` and `labels.jsonl`; it draws labels
    /// only for a line that verifies from its renders, so other lines write nothing there.
    public nonisolated let labelFolder: String
    let ledger: any LedgerStore
    let labels: LabelRenderers
    /// Nil when the line does not verify its labels.
    let check: LabelCheck?
    let printer: LinePrinter
    let keptImages: Int
    let keptVerdicts: Int
    let journal: LineRunJournal?
    let labelSettled: (@Sendable (Duration, Bool) -> Void)?
    /// When each label in the printer or awaiting its verdict went to the printer.
    var sentAt: [String: ContinuousClock.Instant] = [:]
    var logger: Logger
    /// The state last told to `logger`.
    var loggedState = LineState.idle
    var listeners: [Task<Void, Never>] = []
    var subscribers: [Int: AsyncStream<LineStatus>.Continuation] = [:]
    var nextSubscriber = 0
    var closed = false

    // The run.
    var status: LineStatus
    /// The snapshot last published, for readers that must not wait for the line: the line's
    /// loop may be busy rendering and verifying for milliseconds at a stretch, and the API
    /// asking eight busy lines in turn would answer only after all of them.
    private nonisolated let published: Mutex<LineStatus>
    var batch: Batch?
    var runActive = false
    /// In trigger mode, the run's target grows by one per `trigger()` and the run lasts
    /// until `finishTriggered()`.
    var triggered = false
    var alarm: String?
    var operatorPaused = false
    /// Set by `shutDown`: nothing more is sent, and the run ends once the printer's labels settle.
    var stopping = false
    /// The run as written to the journal when it began.
    var journaledRun: LineRunJournal.Run?
    var consecutiveFailures = 0
    /// Issued codes not yet sent to the link, oldest first; a slice, so taking the first is
    /// not a shift of the whole block.
    var pool: ArraySlice<IssuedCode> = []
    /// Labels handed to the link whose job has not reached a final state, by code.
    var flights: [String: ExpectedSymbol] = [:]
    /// Printed labels waiting for their render's or their camera image's verdict.
    var awaitingVerdict: [String: ExpectedSymbol] = [:]
    /// When verifying from a camera: the task that fails each awaiting label whose image does
    /// not come within the line's verification timeout, by code.
    var verdictDeadlines: [String: Task<Void, Never>] = [:]
    /// The camera folder's watch, stopped when the line closes.
    var cameraWatch: Task<Void, Never>?
    /// Unconfirmed labels a render may still settle.
    var unsettled: [String: ExpectedSymbol] = [:]
    /// Codes by their format's hash, for matching renders.
    var codesByFormat: [String: String] = [:]
    var formatOfCode: [String: String] = [:]
    /// Verdicts that came before the link proved the label printed.
    var earlyVerdicts: [String: LabelCheck.Verdict] = [:]
    /// Failed labels still to void and reprint, oldest first.
    var owedReprints: [(code: String, reason: String)] = []
    var pumping = false
    /// The latest hand-off of rendered labels to the link; each waits for the one before.
    var handOff: Task<Void, Never>?
    var pumpAgain = false
    var runWaiters: [CheckedContinuation<Void, Never>] = []

    // Ledger writes, in the order the line decided them.
    var writes: [LabelChange] = []
    var writing = false
    var drainWaiters: [CheckedContinuation<Void, Never>] = []

    private init(settings: LineSettings, ledger: any LedgerStore, labels: LabelRenderers, check: LabelCheck?,
                 printer: LinePrinter, labelFolder: String, keptImages: Int, keptVerdicts: Int, journal: LineRunJournal?,
                 labelSettled: (@Sendable (Duration, Bool) -> Void)?, logger: Logger) {
        self.settings = settings
        self.logger = logger
        self.logger[metadataKey: "line.id"] = "\(settings.id)"
        self.loop = LinePrinter.renderingLoops.next()
        self.ledger = ledger
        self.labels = labels
        self.check = check
        self.printer = printer
        self.virtualPrinter = printer.virtual
        self.labelFolder = labelFolder
        self.keptImages = max(1, keptImages)
        self.keptVerdicts = max(1, keptVerdicts)
        self.journal = journal
        self.labelSettled = labelSettled
        self.status = LineStatus(line: settings.id)
        self.published = Mutex(LineStatus(line: settings.id))
    }

    /// Starts the line's printer (a virtual one in-process for `.virtual`) and listens to it.
    /// Label images, when the line verifies from the printer's renders, go to `labelFolder`.
    /// Refuses settings it cannot run, saying which and why.
    public static func start(settings: LineSettings, ledger: any LedgerStore, library: LabelLibrary = .standard(),
                             labelFolder: String, options: Options = Options()) async throws(StationError) -> LineWorkflow {
        let subject = "line \(settings.id)"
        guard settings.labelsInPrinter >= 1 else {
            throw StationError(subject, "labels in printer must be at least 1, not \(settings.labelsInPrinter)")
        }
        guard settings.maximumConsecutiveFailures >= 1 else {
            throw StationError(subject, "maximum consecutive failures must be at least 1, not \(settings.maximumConsecutiveFailures)")
        }
        let check: LabelCheck?
        switch (settings.verification, settings.printer) {
        case (.none, _):
            check = nil
        case (.printerRenders, .virtual):
            check = try LabelCheck(minimumGrade: settings.minimumGrade, line: settings.id)
        case (.printerRenders, .network):
            throw StationError(subject, "verification from printer renders needs the virtual printer; use a watched folder or none for a network printer")
        case (.watchedFolder(let folder), _):
            guard settings.verificationTimeout > .zero else {
                throw StationError(subject, "verification timeout must be more than 0, not \(settings.verificationTimeout)")
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StationError(subject, "cannot create the camera folder \(folder): \(error)")
            }
            check = try LabelCheck(minimumGrade: settings.minimumGrade, line: settings.id)
        }
        let labels = try LabelRenderers(count: System.coreCount) { () throws(StationError) in
            try LineLabels(library: library, settings: settings, values: options.values)
        }
        let printer = try await LinePrinter.start(settings, dotsPerMillimetre: labels.dotsPerMillimetre, labelFolder: labelFolder,
                                                  faults: options.printerFaults, linkConfiguration: options.link,
                                                  keptLabelFiles: options.keptLabelFiles)
        let workflow = LineWorkflow(settings: settings, ledger: ledger, labels: labels, check: check, printer: printer,
                                    labelFolder: labelFolder, keptImages: options.keptImages, keptVerdicts: options.keptVerdicts,
                                    journal: options.journal, labelSettled: options.labelSettled, logger: options.logger)
        await workflow.listen()
        return workflow
    }

    /// Follows the link's events and, when verifying, the printer's renders or the camera's folder.
    private func listen() async {
        let events = printer.link.events
        listeners.append(Task { [weak self] in
            for await event in events {
                guard let self else { return }
                await self.handle(event)
            }
        })
        switch settings.verification {
        case .printerRenders:
            guard let virtual = printer.virtual else { return }
            let renders = await virtual.printedLabels()
            listeners.append(Task { [weak self] in
                for await label in renders {
                    guard let self else { return }
                    await self.verify(label)
                }
            })
        case .watchedFolder(let folder):
            watchCamera(FolderWatch(folder: folder))
        case .none:
            break
        }
    }

    /// The line now.
    public var snapshot: LineStatus {
        var current = status
        current.state = state
        current.unconfirmed = current.unconfirmedCodes.count
        current.inPrinter = flights.count
        current.triggerMode = triggered
        return current
    }

    /// The state, from what holds the line: an alarm, the operator, a printer fault, a run.
    var state: LineState {
        if let alarm { return .stopped(alarm: alarm) }
        if operatorPaused { return .paused(reason: "paused by the operator") }
        if runActive, !printerFaults.isEmpty {
            return .paused(reason: "printer: " + printerFaults.map(\.description).joined(separator: ", "))
        }
        return runActive ? .running : .idle
    }

    /// The printer's problems other than the pause the operator asked for.
    var printerFaults: [PrinterProblem] {
        status.printerProblems.filter { !(operatorPaused && $0 == .paused) }
    }

    /// Every status change from now on, newest last (at most 256 waiting), for a dashboard.
    public func statusChanges() -> AsyncStream<LineStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: LineStatus.self, bufferingPolicy: .bufferingNewest(256))
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.yield(snapshot)
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.unsubscribe(id) }
        }
        if closed { continuation.finish() }
        return stream
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    /// The line as last published (every change the line makes is published), read at once.
    public nonisolated var publishedStatus: LineStatus {
        published.withLock { $0 }
    }

    func publish() {
        let current = snapshot
        published.withLock { $0 = current }
        if current.state != loggedState {
            loggedState = current.state
            var metadata: Logger.Metadata = [:]
            if let batch { metadata["batch.id"] = "\(batch.id)" }
            let level: Logger.Level = if case .stopped = current.state { .warning } else { .notice }
            logger.log(level: level, "line \(current.state)", metadata: metadata)
        }
        for subscriber in subscribers.values { subscriber.yield(current) }
    }

    /// Holds the line: nothing more is sent, and the printer pauses (`~PP`) after the label
    /// under way. Labels already in the printer stay there and print on `resume()`.
    public func pause() async throws(StationError) {
        guard runActive, alarm == nil, !operatorPaused else { return }
        operatorPaused = true
        publish()
        do {
            try await printer.link.pause()
        } catch {
            throw StationError("line \(settings.id)", "cannot pause the printer: \(error)")
        }
    }

    /// Goes on where the line stopped: after an operator's pause, or, as the lead's
    /// acknowledgement, after an alarm. A run the alarm already ended goes on as a new run of
    /// the good labels it still owed, on the same batch: failed labels are reprinted first.
    public func resume() async throws(StationError) {
        if alarm != nil {
            let owed = runActive ? 0 : status.remaining
            alarm = nil
            consecutiveFailures = 0
            if owed > 0, let batch, !closed {
                try await start(batch: batch.id, count: owed)
                return
            }
        }
        if operatorPaused {
            do {
                try await printer.link.resume()
            } catch {
                throw StationError("line \(settings.id)", "cannot resume the printer: \(error)")
            }
            operatorPaused = false
            // The printer's own pause was ours, lifted by `~PS` just now.
            status.printerProblems.removeAll { $0 == .paused }
        }
        publish()
        schedulePump()
    }

    /// Stops the printer and the listeners. Labels still queued are cancelled and voided;
    /// labels still waiting for a camera image stay printed and unverified in the ledger.
    public func close() async {
        guard !closed else { return }
        closed = true
        triggered = false
        // Labels recorded sent go to the printer before the link closes.
        await handOff?.value
        await printer.close()
        await writesDrained()
        for listener in listeners { await listener.value }
        listeners.removeAll()
        cameraWatch?.cancel()
        await cameraWatch?.value
        cameraWatch = nil
        for deadline in verdictDeadlines.values { deadline.cancel() }
        verdictDeadlines.removeAll()
        checkRunEnd()
        await writesDrained()
        // Labels awaiting a verdict get none now that the renders stopped: the run ends here.
        if runActive { endRun() }
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers.removeAll()
    }
}
