/// The reporting outbox is not on PostgreSQL yet: its tables exist (migration v1), but each
/// method refuses, naming itself, so a plant cannot report from a shared ledger by mistake
/// before the outbox keeps its once-per-destination promise there.
extension PostgresLedger {
    private func outboxNotSupported(_ method: String) -> LedgerError {
        LedgerError(subject, .storage("the PostgreSQL ledger does not support the report outbox (\(method)) yet; report from a SQLite ledger"))
    }

    public func reportableRecords(batch id: Int64, destination: String?) async throws(LedgerError) -> ReportableRecords {
        throw outboxNotSupported("reportableRecords")
    }

    public func enqueueReport(batch id: Int64, destination: String, build: (ReportDraft) throws -> [OutboxChunk])
        async throws(LedgerError) -> QueuedReport? {
        throw outboxNotSupported("enqueueReport")
    }

    public func dueChunks(now: Int64, limit: Int, destination: String?, excluding: Set<Int64>) async throws(LedgerError) -> [DueChunk] {
        throw outboxNotSupported("dueChunks")
    }

    public func nextAttemptTime(destination: String?) async throws(LedgerError) -> Int64? {
        throw outboxNotSupported("nextAttemptTime")
    }

    @discardableResult
    public func acknowledge(chunk id: Int64, receipt: String) async throws(LedgerError) -> Bool {
        throw outboxNotSupported("acknowledge")
    }

    public func retryLater(chunk id: Int64, error: String, nextAttemptAt: Int64) async throws(LedgerError) {
        throw outboxNotSupported("retryLater")
    }

    public func deadLetter(chunk id: Int64, reason: String) async throws(LedgerError) {
        throw outboxNotSupported("deadLetter")
    }

    public func outboxStatus(destination: String?) async throws(LedgerError) -> OutboxStatus {
        throw outboxNotSupported("outboxStatus")
    }

    public func requeueDeadLetters(destination: String?) async throws(LedgerError) -> Int {
        throw outboxNotSupported("requeueDeadLetters")
    }
}
