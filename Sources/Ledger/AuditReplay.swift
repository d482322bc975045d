/// Replays events in order, checking each link of the chain and each lifecycle step, and
/// keeps what the events say the derived tables must hold. Storage-independent: a backend
/// feeds it events in `seq` order, then compares its tables with `codes` and `batches`.
///
/// Codes are kept in issuance order, the order the `codes` table numbers them, so the
/// backend can compare that table with one pass over both instead of a lookup per row.
struct AuditReplay {
    struct Code {
        let value: String
        let batch: Int64
        var state: LabelState
        /// The position in `codes` of the voided code this one reprints.
        let reprintOf: Int?
        /// The station that issued it, and so holds its lease.
        let station: String
    }

    struct BatchFacts {
        let details: String
        let limit: Int
        var issued = 0
        var reprinted = 0
        var closed = false
        var counts: [LabelState: Int] = [:]
    }

    /// Public keys a checkpoint may be signed with; nil accepts any valid signature.
    let trustedKey: [UInt8]?
    private(set) var nextSeq: Int64 = 1
    private(set) var head = EventHash.genesis
    /// Every issued code, in issuance order.
    private(set) var codes: [Code] = []
    /// Each code's position in `codes`.
    private var positions: [String: Int] = [:]
    private(set) var batches: [Int64: BatchFacts] = [:]
    private(set) var verifications = 0
    private(set) var checkpoints: [Int64: Checkpoint] = [:]
    /// Codes in each acknowledged report chunk, by the chunk's idempotency key.
    private(set) var acknowledgedChunks: [String: Int] = [:]
    private var encoding: [UInt8] = []

    init(trustedKey: [UInt8]?, expectedCodes: Int = 0) {
        self.trustedKey = trustedKey
        codes.reserveCapacity(expectedCodes)
        positions.reserveCapacity(expectedCodes)
    }

    /// Checks one event; returns why it breaks the ledger, or nil and advances.
    mutating func consume(_ event: LedgerEvent) -> String? {
        let seq = event.seq
        guard seq == nextSeq else {
            return "event \(seq): expected event \(nextSeq) here; events were deleted, inserted or renumbered outside the station"
        }
        guard event.previousHash == head else {
            return "event \(seq): its previous hash does not match event \(seq - 1); an earlier event was changed, or events were reordered or inserted outside the station"
        }
        let expected = EventHash.hash(previous: head, seq: seq, time: event.time, station: event.station, batch: event.batch,
                                      code: event.code, kind: event.kind, details: event.details, encoding: &encoding)
        guard expected == event.hash else {
            return "event \(seq): its contents do not match its hash; the row was edited outside the station"
        }
        if let problem = apply(event) {
            return "event \(seq) (\(event.kind)): \(problem); it was not written by the station"
        }
        nextSeq += 1
        head = event.hash
        return nil
    }

    private mutating func apply(_ event: LedgerEvent) -> String? {
        guard let kind = EventKind(rawValue: event.kind) else { return "unknown kind" }
        if kind == .journalSynced {
            // The replayed steps are events of their own, checked as any; this one only marks the sync.
            return CanonicalJSON.parse(event.details)?["journal_head"] is String ? nil : "unreadable journal sync"
        }
        guard let batchID = event.batch else { return "no batch" }
        if kind == .batchCreated {
            guard batches[batchID] == nil else { return "batch \(batchID) created twice" }
            guard let limit = Self.limit(details: event.details) else { return "unreadable batch details" }
            batches[batchID] = BatchFacts(details: event.details, limit: limit)
            return nil
        }
        if kind == .reportAcknowledged {
            // Reports go out after a batch closes as well as before, so a closed batch takes them.
            guard batches[batchID] != nil else { return "batch \(batchID) was never created" }
            return acknowledge(details: event.details)
        }
        // The facts are read and changed in place: a copy held across a change would copy
        // its counts on every event.
        guard let closed = batches[batchID]?.closed else { return "batch \(batchID) was never created" }
        guard !closed else { return "batch \(batchID) was already closed" }
        switch kind {
        case .batchCreated, .reportAcknowledged, .journalSynced:
            return nil
        case .issued:
            guard let code = event.code, positions[code] == nil else { return "code issued twice or missing" }
            let limit = batches[batchID]!.limit
            guard batches[batchID]!.issued < limit else { return "issued beyond the batch limit of \(limit)" }
            var reprintOf: Int?
            if event.details != CanonicalJSON.empty {
                guard let original = CanonicalJSON.parse(event.details)?["reprint_of"] as? String,
                      let position = positions[original], codes[position].state == .voided else {
                    return "reprint of a code that is not voided"
                }
                reprintOf = position
                batches[batchID]!.reprinted += 1
            }
            positions[code] = codes.count
            codes.append(Code(value: code, batch: batchID, state: .issued, reprintOf: reprintOf, station: event.station))
            batches[batchID]!.issued += 1
            batches[batchID]!.counts[.issued, default: 0] += 1
        case .sent, .printed, .unconfirmed, .verifiedPass, .verifiedFail, .voided:
            guard let code = event.code, let position = positions[code], codes[position].batch == batchID else { return "unknown code" }
            let current = codes[position].state
            guard let next = current.applying(kind) else { return "illegal step from \(current)" }
            batches[batchID]!.counts[current, default: 0] -= 1
            batches[batchID]!.counts[next, default: 0] += 1
            codes[position].state = next
            if kind == .verifiedPass || kind == .verifiedFail { verifications += 1 }
        case .batchClosed:
            guard let checkpoint = Self.checkpoint(batch: batchID, details: event.details) else { return "unreadable checkpoint" }
            guard checkpoint.lastSeq == event.seq - 1, checkpoint.lastHash == event.previousHash else {
                return "checkpoint does not name the event before it"
            }
            let facts = batches[batchID]!
            let counts = Reconciliation(scope: .batch(batchID), counts: facts.counts, reprinted: facts.reprinted)
            guard checkpoint.counts == counts else { return "checkpoint counts differ from the events" }
            guard checkpoint.hasValidSignature else { return "checkpoint signature is not valid" }
            if let trustedKey, trustedKey != checkpoint.publicKey {
                return "checkpoint signed with key \(checkpoint.publicKey.hex), not the trusted key"
            }
            checkpoints[batchID] = checkpoint
            batches[batchID]!.closed = true
        }
        return nil
    }

    private mutating func acknowledge(details: String) -> String? {
        guard let members = CanonicalJSON.parse(details), members["destination"] is String, members["receipt"] is String,
              let key = members["chunk"] as? String, let codes = members["codes"] as? Int else {
            return "unreadable acknowledgement"
        }
        guard acknowledgedChunks[key] == nil else { return "chunk \(key) acknowledged twice" }
        acknowledgedChunks[key] = codes
        return nil
    }

    private static func limit(details: String) -> Int? {
        guard let members = CanonicalJSON.parse(details), let quantity = members["quantity"] as? Int,
              let overage = members["overage_percent"] as? Int else { return nil }
        return quantity + (quantity * overage + 99) / 100
    }

    private static func checkpoint(batch: Int64, details: String) -> Checkpoint? {
        guard let members = CanonicalJSON.parse(details), let lastSeq = members["last_seq"] as? Int,
              let lastHash = (members["last_hash"] as? String).flatMap({ [UInt8](hex: $0) }),
              let counts = members["counts"] as? [String: Int],
              let publicKey = (members["public_key"] as? String).flatMap({ [UInt8](hex: $0) }),
              let signature = (members["signature"] as? String).flatMap({ [UInt8](hex: $0) }) else { return nil }
        var override: CloseOverride?
        if let reason = members["override_reason"] as? String, let lead = members["lead"] as? String {
            guard let value = try? CloseOverride(reason: reason, lead: lead) else { return nil }
            override = value
        }
        let states: [LabelState: Int] = [
            .issued: counts["unused"] ?? 0, .sent: counts["sent"] ?? 0, .printed: counts["printed_confirmed"] ?? 0,
            .unconfirmed: counts["unconfirmed"] ?? 0, .verifiedPass: counts["verified_pass"] ?? 0,
            .verifiedFail: counts["verified_fail"] ?? 0, .voided: counts["voided"] ?? 0,
        ]
        let reconciliation = Reconciliation(scope: .batch(batch), counts: states, reprinted: counts["reprinted"] ?? 0)
        guard reconciliation.issued == counts["issued"] else { return nil }
        return Checkpoint(batch: batch, lastSeq: Int64(lastSeq), lastHash: lastHash, counts: reconciliation,
                          override: override, publicKey: publicKey, signature: signature)
    }
}
