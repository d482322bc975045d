import Ledger

/// `GET /api/v1/offline-journal`: what a station on a shared ledger keeps in its journal.
struct OfflineJournalBody: Encodable {
    struct RefusedStep: Encodable {
        let seq: Int64
        /// ISO 8601, UTC: when the station recorded the step.
        let time: String
        let batch: Int64?
        let code: String
        let event: String
        let reason: String
    }

    let pending: Int
    let refused: Int
    let refusedSteps: [RefusedStep]

    enum CodingKeys: String, CodingKey {
        case pending, refused
        case refusedSteps = "refused_steps"
    }

    init(pending: Int, refused: Int, steps: [OfflineJournal.Step]) {
        self.pending = pending
        self.refused = refused
        refusedSteps = steps.map { step in
            RefusedStep(seq: step.seq, time: Timestamp.iso8601(step.time), batch: step.batch, code: step.code, event: step.kind,
                        reason: step.refusal ?? "")
        }
    }
}
