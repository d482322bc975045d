/// The station's ledger, whatever stores it: SQLite on one station (`SQLiteLedger`), a shared
/// PostgreSQL server for a plant later. Every method is one transaction: it either happens
/// completely and durably, or not at all.
public protocol LedgerStore: Sendable {
    /// Records a new open batch and returns it.
    func createBatch(_ spec: BatchSpec) async throws(LedgerError) -> Batch
    func batch(_ id: Int64) async throws(LedgerError) -> Batch
    /// All batches, oldest first.
    func batches() async throws(LedgerError) -> [Batch]
    /// Reserves `count` new codes durably; they may be rendered once this returns.
    func issue(batch: Int64, count: Int) async throws(LedgerError) -> [IssuedCode]
    /// Voids `code` with `reason` and issues its replacement, linked to it.
    func reprint(code: String, reason: String) async throws(LedgerError) -> IssuedCode
    /// Records label steps all together (one durable commit), or none when any is refused.
    func record(_ changes: [LabelChange]) async throws(LedgerError)
    /// The GS1 code with this GTIN-14 and serial, in any batch; nil when none was issued.
    func codeStatus(gtin: String, serial: String) async throws(LedgerError) -> CodeStatus?
    func reconcile(batch: Int64) async throws(LedgerError) -> Reconciliation
    /// The codes of `batch` that stand in `state` and were leased to this ledger's station
    /// (or to none, issued before leases), oldest first: after a restart, the labels the
    /// stopped station left in doubt (`sent`) and the codes it never sent (`issued`), and
    /// never another station's.
    func codes(batch: Int64, in state: LabelState) async throws(LedgerError) -> [IssuedCode]
    /// Codes issued in `[from, to)`, milliseconds since 1970 UTC.
    func reconcile(from: Int64, to: Int64) async throws(LedgerError) -> Reconciliation
    /// Replays label steps a station recorded in its offline journal while this ledger was
    /// out of reach, in journal order with their own times, in one transaction, then chains a
    /// `journal-synced` event naming the journal's range and head hash. Entries at or before
    /// the station's last synced entry are skipped, so a replay cut short is resumed, never
    /// doubled; a step the rules refuse is returned, and the rest recorded.
    func replay(_ segment: JournalSegment) async throws(LedgerError) -> ReplayOutcome
    /// Closes a batch with a signed checkpoint; refused when unbalanced without `override`.
    func close(batch: Int64, signer: CheckpointSigner, override: CloseOverride?) async throws(LedgerError) -> Checkpoint
    /// Checks the chain, the checkpoints and the derived tables; `trustedKey` pins the signer.
    func verifyAudit(trustedKey: [UInt8]?) async throws(LedgerError) -> AuditReport

    // The reporting outbox. A destination is an endpoint URL; each code is reported to it as
    // commissioned at most once and as voided at most once, so reporting is incremental.

    /// The batch's commissioned codes and voids not yet queued for `destination`; all of
    /// them, whatever was reported, when `destination` is nil (for an export).
    func reportableRecords(batch: Int64, destination: String?) async throws(LedgerError) -> ReportableRecords
    /// Queues one report with all its chunks in one transaction: reads the records still to
    /// report, lets `build` turn them into chunks, and marks every record as reported to the
    /// destination. Returns nil (queuing nothing) when there is nothing new to report.
    func enqueueReport(batch: Int64, destination: String, build: (ReportDraft) throws -> [OutboxChunk])
        async throws(LedgerError) -> QueuedReport?
    /// Pending chunks whose next attempt is at or before `now` (ms), oldest first, other than
    /// those in `excluding` (already in flight); all destinations when `destination` is nil.
    func dueChunks(now: Int64, limit: Int, destination: String?, excluding: Set<Int64>) async throws(LedgerError) -> [DueChunk]
    /// The earliest next attempt of any pending chunk, or nil when nothing is pending.
    func nextAttemptTime(destination: String?) async throws(LedgerError) -> Int64?
    /// Marks a pending chunk delivered with the receiver's receipt and appends a
    /// `report-acknowledged` event; false (and nothing written) when it was not pending.
    @discardableResult
    func acknowledge(chunk: Int64, receipt: String) async throws(LedgerError) -> Bool
    /// Counts a failed attempt of a pending chunk and sets when to try again.
    func retryLater(chunk: Int64, error: String, nextAttemptAt: Int64) async throws(LedgerError)
    /// Moves a pending chunk to the dead letters with the receiver's reason.
    func deadLetter(chunk: Int64, reason: String) async throws(LedgerError)
    /// Reports with their chunks by state, and every dead letter.
    func outboxStatus(destination: String?) async throws(LedgerError) -> OutboxStatus
    /// Makes dead letters pending again, due now, attempts reset; returns how many.
    func requeueDeadLetters(destination: String?) async throws(LedgerError) -> Int

    // The plant view: each station's latest line status, a heartbeat beside the record (no
    // event, not on the chain).

    /// Replaces this station's rows for these lines in one transaction. Every row must name
    /// this ledger's own station: a station never writes another's lines.
    func publishLineStatus(_ lines: [PublishedLineStatus]) async throws(LedgerError)
    /// Every station's published lines, ordered by station, then line.
    func plantLineStatus() async throws(LedgerError) -> [PublishedLineStatus]
}

extension LedgerStore {
    /// Pending chunks due at `now`, with none in flight to leave out.
    public func dueChunks(now: Int64, limit: Int, destination: String?) async throws(LedgerError) -> [DueChunk] {
        try await dueChunks(now: now, limit: limit, destination: destination, excluding: [])
    }
}
