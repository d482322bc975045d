import Ledger

/// Drains the outbox: sends due chunks, a bounded number at a time, and records each answer
/// in the ledger before counting it.
///
/// - A 2xx marks the chunk delivered with its receipt (and a `report-acknowledged` event);
///   nothing else ever does.
/// - A 5xx, a timeout or a connection error counts an attempt and schedules the next one after
///   an exponential backoff with full jitter. The chunk stays pending, in the ledger, so a
///   crash or a later run picks it up; the receiver drops the repeat by its idempotency key.
/// - Any other answer moves the chunk to the dead letters with the receiver's reason.
///
/// A run ends when nothing is pending (or only chunks that used up this run's attempts), or
/// when its time is up; chunks still pending wait in the outbox for the next run.
public struct OutboxDeliverer: Sendable {
    public struct Progress: Sendable, Hashable {
        public var chunksDelivered = 0
        public var codesDelivered = 0
        /// Chunks the receiver already held (acknowledged again, counted in `chunksDelivered`).
        public var duplicates = 0
        /// Failed attempts that will be tried again.
        public var retries = 0
        /// Chunks refused and moved to the dead letters in this run.
        public var dead = 0
        /// Why the latest failed attempt failed.
        public var lastProblem: String?

        public init() {}
    }

    public let ledger: any LedgerStore
    public let client: PlatformClient
    public let policy: DeliveryPolicy
    /// Only chunks for this endpoint; every destination when nil.
    public let destination: String?

    public init(ledger: any LedgerStore, client: PlatformClient, policy: DeliveryPolicy, destination: String? = nil) {
        self.ledger = ledger
        self.client = client
        self.policy = policy
        self.destination = destination
    }

    private enum Event: Sendable {
        case answered(DueChunk, PlatformClient.Outcome)
        /// Cancelled at the run's deadline: not an attempt, the chunk stays as it was.
        case abandoned(DueChunk)
        /// A retry is due.
        case timer
        case deadline
    }

    /// Delivers until nothing is left to try, or `giveUpAfter` has passed: then requests in
    /// flight are cancelled and their chunks stay pending, unchanged. `random` draws the
    /// jitter; `progress` is called after each answer.
    public func run(giveUpAfter: Duration? = nil, random: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
                    progress: @Sendable (Progress) -> Void = { _ in }) async throws -> Progress {
        let clock = ContinuousClock()
        let deadline = giveUpAfter.map { clock.now + $0 }
        var random = random
        var state = Progress()
        var failures: [Int64: Int] = [:]
        var exhausted: Set<Int64> = []
        let client = self.client
        try await withThrowingTaskGroup(of: Event.self) { group in
            defer { group.cancelAll() }
            var inFlight: Set<Int64> = []
            var timerRunning = false
            if let giveUpAfter {
                group.addTask {
                    try? await Task.sleep(for: giveUpAfter)
                    return .deadline
                }
            }
            while true {
                let expired = deadline.map { clock.now >= $0 } ?? false
                var wakeAt: Int64?
                if !expired, inFlight.count < policy.concurrency {
                    // The next chunks by time, due or not: the first not yet due sets the timer.
                    let due = try await ledger.dueChunks(now: Int64.max, limit: policy.concurrency - inFlight.count,
                                                         destination: destination, excluding: inFlight.union(exhausted))
                    let now = Timestamp.now()
                    for chunk in due where inFlight.count < policy.concurrency {
                        guard chunk.nextAttemptAt <= now else {
                            wakeAt = chunk.nextAttemptAt
                            break
                        }
                        inFlight.insert(chunk.id)
                        group.addTask {
                            let outcome = await client.send(body: chunk.body, idempotencyKey: chunk.idempotencyKey, to: chunk.destination)
                            return Task.isCancelled ? .abandoned(chunk) : .answered(chunk, outcome)
                        }
                    }
                }
                if let wakeAt, !timerRunning {
                    // Wakes the loop when the next retry is due, even while others are in flight.
                    let wait = Duration.milliseconds(max(0, wakeAt - Timestamp.now()))
                    timerRunning = true
                    group.addTask {
                        try? await Task.sleep(for: wait)
                        return .timer
                    }
                }
                if inFlight.isEmpty, !timerRunning { break }
                guard let event = try await group.next() else { break }
                let chunk: DueChunk, outcome: PlatformClient.Outcome
                switch event {
                case .answered(let answered, let answer):
                    (chunk, outcome) = (answered, answer)
                case .abandoned(let abandoned):
                    inFlight.remove(abandoned.id)
                    continue
                case .timer:
                    timerRunning = false
                    continue
                case .deadline:
                    // Cancels the requests in flight and the retry timer; the loop then drains them.
                    group.cancelAll()
                    continue
                }
                inFlight.remove(chunk.id)
                switch outcome {
                case .acknowledged(let receipt, let duplicate):
                    if try await ledger.acknowledge(chunk: chunk.id, receipt: receipt) {
                        state.chunksDelivered += 1
                        state.codesDelivered += chunk.codes
                        if duplicate { state.duplicates += 1 }
                    }
                case .retryLater(let reason):
                    let failed = failures[chunk.id, default: 0] + 1
                    failures[chunk.id] = failed
                    let wait = policy.backoff(afterFailures: chunk.attempts + 1, using: &random)
                    try await ledger.retryLater(chunk: chunk.id, error: reason, nextAttemptAt: Timestamp.now() + wait.wholeMilliseconds)
                    if failed >= policy.maximumAttempts { exhausted.insert(chunk.id) }
                    state.retries += 1
                    state.lastProblem = reason
                case .rejected(_, let reason):
                    try await ledger.deadLetter(chunk: chunk.id, reason: reason)
                    state.dead += 1
                    state.lastProblem = reason
                }
                progress(state)
            }
        }
        return state
    }
}
