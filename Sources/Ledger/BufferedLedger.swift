import Logging

/// A shared ledger as one station of a plant uses it: codes come from blocks leased to the
/// station and kept in its `OfflineJournal`, and label steps that cannot reach the shared
/// ledger are kept in that journal and replayed when it is back.
///
/// - **Issuing** takes codes from the station's stock, leasing a new block from the shared
///   ledger when the stock runs low (`Options.leaseReserve` codes ahead, within the batch's
///   limit). Codes are unique across the plant because the shared ledger issued them; a
///   station cut off keeps printing until its stock is used up. It returns at most the
///   count asked for, at least one code.
/// - **Recording** goes to the shared ledger. When it does not answer within
///   `Options.answerTimeout` or is out of reach, the steps go to the journal instead, and so
///   do all later steps (their order matters) until the journal is replayed (`replay`,
///   idempotent per journal entry). A reprint while cut off voids in the journal and takes a
///   code from the stock.
/// - **Reading** goes to the shared ledger; the label states of this station's steps still
///   in the journal are not in it until they are replayed, so `codes(batch:in:)` and
///   `reconcile(batch:)` first try to replay.
public actor BufferedLedger: LedgerStore {
    public struct Options: Sendable, Hashable {
        /// Codes leased ahead of need: at least the labels the line prints in the longest
        /// outage it should ride out. A lease is one transaction on the shared ledger however
        /// many codes it holds, so larger leases also let more stations share one database.
        /// At most half of what is left of the batch's limit is taken ahead.
        public var leaseReserve = 16_384
        /// How long the shared ledger may take to answer a write before the station treats
        /// it as out of reach.
        public var answerTimeout: Duration = .seconds(3)
        /// Journal entries replayed per transaction.
        public var replayChunk = 10_000
        /// The wait between attempts to reach the shared ledger again.
        public var retryInterval: Duration = .seconds(1)

        public init(leaseReserve: Int = 16_384, answerTimeout: Duration = .seconds(3), replayChunk: Int = 10_000,
                    retryInterval: Duration = .seconds(1)) {
            self.leaseReserve = leaseReserve
            self.answerTimeout = answerTimeout
            self.replayChunk = replayChunk
            self.retryInterval = retryInterval
        }
    }

    nonisolated public let shared: any LedgerStore
    nonisolated public let journal: OfflineJournal
    nonisolated public let options: Options
    private let logger: Logger
    /// Steps wait in the journal: every step goes there until they are replayed.
    private var buffering: Bool
    private var replaying: Task<Void, Never>?
    /// Batches with a lease that went unanswered: it may have been granted.
    private var leasesInDoubt: Set<Int64> = []
    /// After a lease failed to reach the shared ledger, the stock is used without trying
    /// again until then, so that a line does not wait out a timeout per block.
    private var leasesPausedUntil: ContinuousClock.Instant?
    /// Leases under way in the background, by batch.
    private var leasing: [Int64: Task<Void, Never>] = [:]

    public init(shared: any LedgerStore, journal: OfflineJournal, options: Options = Options(),
                logger: Logger = Logger(label: "tracestation.ledger")) throws(LedgerError) {
        self.shared = shared
        self.journal = journal
        self.options = options
        self.logger = logger
        buffering = try journal.counts().pending > 0
    }

    /// Steps waiting in the journal for the shared ledger.
    public var isBuffering: Bool { buffering }

    /// The shared ledger is out of reach, or did not answer: not a refusal of the request.
    private func isOutage(_ error: LedgerError) -> Bool {
        switch error.rule {
        case .cannotOpen, .noAnswer: true
        default: false
        }
    }

    /// Calls the shared ledger, waiting at most `limit` (the answer timeout unless given).
    private nonisolated func answer<T: Sendable>(within limit: Duration? = nil,
                                                 _ operation: @escaping @Sendable () async throws(LedgerError) -> T)
        async throws(LedgerError) -> T {
        try await Ledger.answer(within: limit ?? options.answerTimeout, subject: "shared ledger", operation)
    }

    /// A lease (its batch read, then the block) or a replay chunk may take a while on a busy
    /// server, so each is given ten answer timeouts.
    private nonisolated var slowCallTimeout: Duration { options.answerTimeout * 10 }

    // MARK: Issuing from leases

    public func issue(batch: Int64, count: Int) async throws(LedgerError) -> [IssuedCode] {
        guard count > 0 else { throw LedgerError("batch \(batch)", .invalidInput("count must be at least 1, not \(count)")) }
        var leaseFailure: LedgerError?
        if try journal.available(batch: batch) < count {
            // The line waits for this lease (or for the one already under way).
            await leasing[batch]?.value
            if try journal.available(batch: batch) < count {
                do throws(LedgerError) {
                    try await lease(batch: batch, atLeast: count)
                } catch {
                    leaseFailure = error
                }
            }
        }
        let codes = try journal.take(batch: batch, count: count)
        leaseAheadIfLow(batch: batch, next: count)
        guard codes.isEmpty else { return codes }
        throw leaseFailure ?? LedgerError("batch \(batch)", .invalidInput("no leased codes left"))
    }

    /// Leases in the background when the stock is below a quarter of the reserve beyond the
    /// next block, so the line rarely waits for a lease. Cut off, the stock is used without
    /// trying the shared ledger again for a while: each try may wait out the answer timeout.
    private func leaseAheadIfLow(batch: Int64, next count: Int) {
        guard leasing[batch] == nil, !buffering, leasesPausedUntil.map({ ContinuousClock.now >= $0 }) ?? true,
              let stock = try? journal.available(batch: batch), stock < count + options.leaseReserve / 4 else { return }
        leasing[batch] = Task {
            do throws(LedgerError) {
                try await self.lease(batch: batch, atLeast: count)
            } catch {
                // A batch leased up to its limit is no news; anything else the lead should know.
                if case .overIssue = error.rule {} else {
                    self.logger.warning("cannot lease codes ahead; the line goes on with its stock",
                                        metadata: ["batch.id": "\(batch)", "error": "\(error)"])
                }
            }
            self.leaseDone(batch: batch)
        }
    }

    private func leaseDone(batch: Int64) {
        leasing[batch] = nil
    }

    /// Tops the batch's stock up to `count` plus the reserve. Leased codes count as issued,
    /// so the reserve never takes more than half of what is left of the batch's limit: other
    /// stations printing the same batch get their share.
    private func lease(batch id: Int64, atLeast count: Int) async throws(LedgerError) {
        let shared = shared
        try await recoverLeases(batch: id)
        let stock = try journal.available(batch: id)
        let batch = try await answer(within: slowCallTimeout) { () async throws(LedgerError) in
            try await shared.batch(id)
        }
        let room = batch.limit - batch.issuedCount
        let needed = max(0, count - stock)
        let wanted = min(room, needed + min(options.leaseReserve, max(0, room - needed) / 2))
        guard wanted > 0 else {
            if needed > 0 { throw LedgerError("batch \(id)", .overIssue(requested: needed, issued: batch.issuedCount, limit: batch.limit)) }
            return
        }
        do throws(LedgerError) {
            try await leaseNow(batch: id, count: wanted)
            leasesPausedUntil = nil
        } catch {
            // Another station leased meanwhile: take what is left, if it covers the need.
            guard case .overIssue(_, let issued, let limit) = error.rule, limit - issued >= max(1, needed) else { throw error }
            try await leaseNow(batch: id, count: limit - issued)
        }
    }

    /// One lease. One still unanswered may have been granted, so the batch's lease is in
    /// doubt until the station's unsent codes are read back (`recoverLeases`).
    private func leaseNow(batch: Int64, count: Int) async throws(LedgerError) {
        let shared = shared
        do throws(LedgerError) {
            let codes = try await answer(within: slowCallTimeout) {
                () async throws(LedgerError) in try await shared.issue(batch: batch, count: count)
            }
            try journal.add(codes)
        } catch {
            if isOutage(error) {
                leasesInDoubt.insert(batch)
                leasesPausedUntil = .now + options.retryInterval * 10
            }
            throw error
        }
    }

    /// Takes into the stock the codes leased to this station that it does not know: those of
    /// a lease granted after the station stopped waiting for it. Codes it knows keep their
    /// place, taken or not.
    private func recoverLeases(batch: Int64) async throws(LedgerError) {
        guard leasesInDoubt.contains(batch) else { return }
        let shared = shared
        let unsent = try await answer(within: slowCallTimeout) { () async throws(LedgerError) in
            try await shared.codes(batch: batch, in: .issued)
        }
        try journal.add(unsent)
        leasesInDoubt.remove(batch)
    }

    public func reprint(code: String, reason: String) async throws(LedgerError) -> IssuedCode {
        if !buffering {
            let shared = shared
            do throws(LedgerError) {
                return try await answer { () async throws(LedgerError) in try await shared.reprint(code: code, reason: reason) }
            } catch {
                guard isOutage(error) else { throw error }
                logger.warning("the shared ledger is out of reach; steps go to the offline journal", metadata: ["error": "\(error)"])
            }
        }
        // Cut off: the void waits in the journal, the replacement comes from the stock. The
        // ledger then holds them as a void and a new code, unlinked.
        let batch = try await codeBatch(of: code)
        guard let replacement = try journal.take(batch: batch, count: 1).first else {
            throw LedgerError("code \(code)", .invalidInput("the shared ledger is out of reach and no leased code is left to reprint with"))
        }
        try keep([LabelChange(code: code, event: .voided(reason: reason), batch: batch)], mayBeRecorded: true)
        return IssuedCode(scheme: replacement.scheme, value: replacement.value, elementString: replacement.elementString,
                          serial: replacement.serial, batch: batch, reprintOf: code)
    }

    /// The batch a code to reprint belongs to: from the code's own leased row, so it works
    /// cut off.
    private func codeBatch(of code: String) async throws(LedgerError) -> Int64 {
        if let batch = try journal.batch(ofLeased: code) { return batch }
        throw LedgerError("code \(code)", .unknownCode)
    }

    // MARK: Recording

    public func record(_ changes: [LabelChange]) async throws(LedgerError) {
        guard !changes.isEmpty else { return }
        if !buffering {
            let shared = shared
            do throws(LedgerError) {
                return try await answer { () async throws(LedgerError) in try await shared.record(changes) }
            } catch {
                guard isOutage(error) else { throw error }
                logger.warning("the shared ledger is out of reach; steps go to the offline journal", metadata: ["error": "\(error)"])
                try keep(changes, mayBeRecorded: true)
                return
            }
        }
        try keep(changes, mayBeRecorded: false)
    }

    private func keep(_ changes: [LabelChange], mayBeRecorded: Bool) throws(LedgerError) {
        try journal.append(changes, mayBeRecorded: mayBeRecorded)
        buffering = true
        if replaying == nil {
            replaying = Task { await self.replayUntilEmpty() }
        }
    }

    /// Replays the journal chunk by chunk until nothing is pending, waiting out outages.
    private func replayUntilEmpty() async {
        while !Task.isCancelled {
            do throws(LedgerError) {
                if try await replayOnce() { break }
            } catch {
                if !isOutage(error) { logger.error("replaying the offline journal failed", metadata: ["error": "\(error)"]) }
                try? await Task.sleep(for: options.retryInterval)
            }
        }
        replaying = nil
    }

    /// Replays the oldest pending chunk; true when the journal is then empty.
    private func replayOnce() async throws(LedgerError) -> Bool {
        guard let segment = try journal.pending(limit: options.replayChunk) else {
            buffering = false
            return true
        }
        let shared = shared
        let outcome = try await answer(within: slowCallTimeout) {
            () async throws(LedgerError) in try await shared.replay(segment)
        }
        try journal.settle(segment, outcome: outcome)
        for refusal in outcome.refusals {
            logger.error("the shared ledger refused a step recorded offline; it stays in the journal for the lead",
                         metadata: ["journal.step": "\(refusal.seq)", "error": "\(refusal.error)"])
        }
        if try journal.counts().pending == 0 {
            buffering = false
            logger.notice("offline journal replayed onto the shared ledger", metadata: ["last.step": "\(segment.entries.last?.seq ?? 0)"])
            return true
        }
        return false
    }

    /// Replays what the journal holds now, and returns once it is empty or the shared ledger
    /// fails to take it (the error).
    public func replayPending() async throws(LedgerError) {
        while buffering {
            if try await replayOnce() { return }
        }
    }

    nonisolated public func replay(_ segment: JournalSegment) async throws(LedgerError) -> ReplayOutcome {
        try await shared.replay(segment)
    }

    // MARK: Reading

    public func codes(batch: Int64, in state: LabelState) async throws(LedgerError) -> [IssuedCode] {
        try await replayPending()
        let codes = try await shared.codes(batch: batch, in: state)
        // A restart prints these itself: the stock must not hand them out again.
        if state == .issued { try journal.markTaken(codes.map(\.value)) }
        return codes
    }

    public func reconcile(batch: Int64) async throws(LedgerError) -> Reconciliation {
        try await replayPending()
        return try await shared.reconcile(batch: batch)
    }

    /// Not given the answer timeout: a batch created after the caller stopped waiting would be
    /// created again by a retry.
    nonisolated public func createBatch(_ spec: BatchSpec) async throws(LedgerError) -> Batch { try await shared.createBatch(spec) }
    nonisolated public func batch(_ id: Int64) async throws(LedgerError) -> Batch {
        try await ask { shared throws(LedgerError) in try await shared.batch(id) }
    }
    nonisolated public func batches() async throws(LedgerError) -> [Batch] {
        try await ask { shared throws(LedgerError) in try await shared.batches() }
    }
    nonisolated public func codeStatus(gtin: String, serial: String) async throws(LedgerError) -> CodeStatus? {
        try await ask { shared throws(LedgerError) in try await shared.codeStatus(gtin: gtin, serial: serial) }
    }
    nonisolated public func reconcile(from: Int64, to: Int64) async throws(LedgerError) -> Reconciliation {
        try await ask { shared throws(LedgerError) in try await shared.reconcile(from: from, to: to) }
    }

    /// A short read of the shared ledger, given the answer timeout: out of reach, its pool
    /// would hold the caller (an API request) for a minute before failing.
    private nonisolated func ask<T: Sendable>(_ call: @escaping @Sendable (any LedgerStore) async throws(LedgerError) -> T)
        async throws(LedgerError) -> T {
        let shared = shared
        return try await answer { () async throws(LedgerError) in
            try await call(shared)
        }
    }
    nonisolated public func close(batch: Int64, signer: CheckpointSigner, override: CloseOverride?) async throws(LedgerError) -> Checkpoint {
        try await replayPending()
        return try await shared.close(batch: batch, signer: signer, override: override)
    }
    nonisolated public func verifyAudit(trustedKey: [UInt8]?) async throws(LedgerError) -> AuditReport {
        try await shared.verifyAudit(trustedKey: trustedKey)
    }

    // MARK: The plant view, on the shared ledger

    nonisolated public func publishLineStatus(_ lines: [PublishedLineStatus]) async throws(LedgerError) {
        let shared = shared
        try await answer { () async throws(LedgerError) in
            try await shared.publishLineStatus(lines)
        }
    }
    nonisolated public func plantLineStatus() async throws(LedgerError) -> [PublishedLineStatus] {
        try await shared.plantLineStatus()
    }

    // MARK: The report outbox, on the shared ledger

    nonisolated public func reportableRecords(batch: Int64, destination: String?) async throws(LedgerError) -> ReportableRecords {
        try await shared.reportableRecords(batch: batch, destination: destination)
    }
    nonisolated public func enqueueReport(batch: Int64, destination: String, build: (ReportDraft) throws -> [OutboxChunk])
        async throws(LedgerError) -> QueuedReport? {
        try await shared.enqueueReport(batch: batch, destination: destination, build: build)
    }
    nonisolated public func dueChunks(now: Int64, limit: Int, destination: String?, excluding: Set<Int64>) async throws(LedgerError) -> [DueChunk] {
        try await shared.dueChunks(now: now, limit: limit, destination: destination, excluding: excluding)
    }
    nonisolated public func nextAttemptTime(destination: String?) async throws(LedgerError) -> Int64? {
        try await shared.nextAttemptTime(destination: destination)
    }
    nonisolated public func acknowledge(chunk: Int64, receipt: String) async throws(LedgerError) -> Bool {
        try await shared.acknowledge(chunk: chunk, receipt: receipt)
    }
    nonisolated public func retryLater(chunk: Int64, error: String, nextAttemptAt: Int64) async throws(LedgerError) {
        try await shared.retryLater(chunk: chunk, error: error, nextAttemptAt: nextAttemptAt)
    }
    nonisolated public func deadLetter(chunk: Int64, reason: String) async throws(LedgerError) {
        try await shared.deadLetter(chunk: chunk, reason: reason)
    }
    nonisolated public func outboxStatus(destination: String?) async throws(LedgerError) -> OutboxStatus {
        try await shared.outboxStatus(destination: destination)
    }
    nonisolated public func requeueDeadLetters(destination: String?) async throws(LedgerError) -> Int {
        try await shared.requeueDeadLetters(destination: destination)
    }
}
