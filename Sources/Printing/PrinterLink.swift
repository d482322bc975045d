public import NIOCore
import NIOPosix

/// The one owner of one printer's connection: port 9100 serves one host at a time, so every
/// job and status query to the printer goes through this actor, in order.
///
/// Jobs are sent in submission order, at most a window of them at a time in the printer's
/// buffer (`configuration.window`, more once the printer proves it prints faster), and each is confirmed printed only when the printer's odometer has
/// advanced past it. A job whose fate the link cannot prove is reported `unconfirmed` and
/// never sent again by the link. Every state change goes out on `events`, which the station
/// must consume; job moves go out together at the end of each step of the link.
public actor PrinterLink {
    public nonisolated let host: String
    public nonisolated let port: Int
    public nonisolated let configuration: Configuration
    public nonisolated let events: AsyncStream<PrinterEvent>
    let eventSink: AsyncStream<PrinterEvent>.Continuation
    let group: EventLoopGroup

    var channel: Channel?
    /// Jobs not yet sent, in order.
    var queue = CircularBuffer<PrintJob>()
    /// Jobs sent and not yet proven printed, in order, each with the odometer reading that proves it.
    var inPrinter = CircularBuffer<(job: PrintJob, target: Int)>()
    /// Every job's state, by ID from 1: IDs are given in order, so an array, one byte a job,
    /// rather than a table hashed on every move.
    var states: [PrintJobState] = []
    /// Job moves not yet on `events`: they go out as one `.jobs` event per step.
    var pendingUpdates: [PrintJobUpdate] = []
    /// The odometer reading once everything sent has printed; `nil` until read after connecting.
    var expectedOdometer: Int?
    /// Odometer queries sent behind batches of jobs and not yet used, oldest first.
    var readings = CircularBuffer<EventLoopFuture<[UInt8]>>()
    /// Jobs proven printed within the last `configuration.windowTime`, oldest first: the
    /// printer's pace, which sizes the window.
    var recentConfirmations = CircularBuffer<(time: ContinuousClock.Instant, jobs: Int)>()
    var recentlyConfirmed = 0
    var lastStatus: PrinterStatus?
    var lastProgress = ContinuousClock.now
    var pausedByStation = false
    var closed = false

    var worker: Task<Void, Never>?
    var workWaiter: CheckedContinuation<Void, Never>?
    var idleWaiters: [CheckedContinuation<Void, Never>] = []
    var exclusiveHolder = false
    var exclusiveWaiters: [CheckedContinuation<Void, Never>] = []

    public init(host: String, port: Int = 9100, configuration: Configuration = Configuration(),
                group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.host = host
        self.port = port
        self.configuration = configuration
        self.group = group
        (events, eventSink) = AsyncStream.makeStream(of: PrinterEvent.self)
    }

    /// Queues one format; the link sends it when the printer is ready. The job's `queued`
    /// update goes out with the link's next step, not on its own.
    @discardableResult
    public func submit(_ format: [UInt8], quantity: Int = 1, reference: String? = nil) -> PrintJob.ID {
        let id = enqueue(format, quantity: quantity, reference: reference)
        wakeWorker()
        return id
    }

    /// Queues formats in order, all before the link sends any of them, so that a run of
    /// labels prepared together goes out in whole batches.
    @discardableResult
    public func submit(contentsOf jobs: [(format: [UInt8], quantity: Int, reference: String?)]) -> [PrintJob.ID] {
        let ids = jobs.map { enqueue($0.format, quantity: $0.quantity, reference: $0.reference) }
        wakeWorker()
        return ids
    }

    private func enqueue(_ format: [UInt8], quantity: Int, reference: String?) -> PrintJob.ID {
        let job = PrintJob(id: PrintJob.ID(rawValue: states.count + 1), format: format, quantity: max(1, quantity), reference: reference)
        states.append(.queued)
        pendingUpdates.append(PrintJobUpdate(id: job.id, reference: reference, state: .queued, reason: nil))
        guard !closed else {
            move(job, to: .failed, reason: PrintingError.linkClosed.description)
            return job.id
        }
        queue.append(job)
        return job.id
    }

    /// Starts the worker, whose next step also sends the `queued` updates; a closed link has
    /// no worker, so it sends them at once.
    private func wakeWorker() {
        guard !closed else { return flushUpdates() }
        startWorker()
        workWaiter?.resume()
        workWaiter = nil
    }

    public func state(of id: PrintJob.ID) -> PrintJobState? {
        states.indices.contains(id.rawValue - 1) ? states[id.rawValue - 1] : nil
    }

    /// Returns once every job submitted so far has reached a final state.
    public func waitUntilIdle() async {
        guard !isIdle else { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    /// Stops sending; the printer is paused too (`~PP`) so a label under way is the last.
    public func pause() async throws(PrintingError) {
        pausedByStation = true
        try await exclusively(.pause)
    }

    /// Resumes the printer (`~PS`) and sending.
    public func resume() async throws(PrintingError) {
        try await exclusively(.resume)
        pausedByStation = false
        workWaiter?.resume()
        workWaiter = nil
    }

    /// Cancels every job: queued ones at once, and those in the printer with `~JA`. A job in
    /// the printer is reported cancelled only when the printer's empty buffer and its odometer
    /// prove it did not print; otherwise it is printed or unconfirmed.
    public func cancelAll() async throws(PrintingError) {
        defer { flushUpdates() }
        for job in queue { move(job, to: .cancelled, reason: "cancelled by the station") }
        queue.removeAll()
        await acquire()
        defer { release() }
        _ = try await request(.cancelAll)
        await settle(waitForPrinting: false, unprinted: .cancelled, reason: "cancelled with ~JA")
    }

    /// Closes the connection. Queued jobs are cancelled; jobs in the printer are unconfirmed.
    public func close() async {
        closed = true
        for job in queue { move(job, to: .cancelled, reason: PrintingError.linkClosed.description) }
        queue.removeAll()
        for entry in inPrinter { move(entry.job, to: .unconfirmed, reason: PrintingError.linkClosed.description) }
        inPrinter.removeAll()
        worker?.cancel()
        workWaiter?.resume()
        workWaiter = nil
        try? await channel?.close()
        channel = nil
        notifyIfIdle()
        flushUpdates()
        eventSink.finish()
    }

    var isIdle: Bool { queue.isEmpty && inPrinter.isEmpty }

    func notifyIfIdle() {
        guard isIdle else { return }
        let waiters = idleWaiters
        idleWaiters.removeAll()
        for waiter in waiters { waiter.resume() }
    }

    /// Sends an event behind the job moves made before it, so the station sees them in order.
    func emit(_ event: PrinterEvent) {
        flushUpdates()
        eventSink.yield(event)
    }

    /// Sends the job moves gathered so far as one event.
    func flushUpdates() {
        guard !pendingUpdates.isEmpty else { return }
        eventSink.yield(.jobs(pendingUpdates))
        pendingUpdates.removeAll(keepingCapacity: true)
    }

    /// Moves a job if its life allows it; the station hears of it at the end of the step.
    func move(_ job: PrintJob, to next: PrintJobState, reason: String?) {
        guard states[job.id.rawValue - 1].canMove(to: next) else { return }
        states[job.id.rawValue - 1] = next
        pendingUpdates.append(PrintJobUpdate(id: job.id, reference: job.reference, state: next, reason: reason))
    }

    func publish(_ status: PrinterStatus) {
        guard status != lastStatus else { return }
        let problemsChanged = status.problems != lastStatus?.problems
        lastStatus = status
        if problemsChanged { emit(.status(status)) }
    }

    /// One query at a time on the wire: the worker and the station's own queries take turns.
    func acquire() async {
        guard exclusiveHolder else {
            exclusiveHolder = true
            return
        }
        await withCheckedContinuation { exclusiveWaiters.append($0) }
    }

    func release() {
        if exclusiveWaiters.isEmpty {
            exclusiveHolder = false
        } else {
            exclusiveWaiters.removeFirst().resume()
        }
    }
}
