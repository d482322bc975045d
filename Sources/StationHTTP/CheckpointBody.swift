import Ledger

/// The signed checkpoint a close wrote, as `POST /api/v1/batches/{batch}/close` answers it.
struct CheckpointBody: Encodable {
    struct Override: Encodable {
        let reason: String
        let lead: String
    }

    let batch: Int64
    let state: Batch.State
    /// The last event before the close event.
    let lastSeq: Int64
    let lastHash: String
    let publicKey: String
    let signature: String
    let counts: ReconciliationBody
    let override: Override?

    init(_ checkpoint: Checkpoint) {
        batch = checkpoint.batch
        state = .closed
        lastSeq = checkpoint.lastSeq
        lastHash = checkpoint.lastHash.hexString
        publicKey = checkpoint.publicKey.hexString
        signature = checkpoint.signature.hexString
        counts = ReconciliationBody(reconciliation: checkpoint.counts)
        override = checkpoint.override.map { Override(reason: $0.reason, lead: $0.lead) }
    }

    enum CodingKeys: String, CodingKey {
        case batch, state, signature, counts, override
        case lastSeq = "last_seq"
        case lastHash = "last_hash"
        case publicKey = "public_key"
    }
}
