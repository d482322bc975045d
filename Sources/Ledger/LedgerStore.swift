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
    func reconcile(batch: Int64) async throws(LedgerError) -> Reconciliation
    /// Codes issued in `[from, to)`, milliseconds since 1970 UTC.
    func reconcile(from: Int64, to: Int64) async throws(LedgerError) -> Reconciliation
    /// Closes a batch with a signed checkpoint; refused when unbalanced without `override`.
    func close(batch: Int64, signer: CheckpointSigner, override: CloseOverride?) async throws(LedgerError) -> Checkpoint
    /// Checks the chain, the checkpoints and the derived tables; `trustedKey` pins the signer.
    func verifyAudit(trustedKey: [UInt8]?) async throws(LedgerError) -> AuditReport
}
