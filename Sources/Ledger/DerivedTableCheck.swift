/// Compares the derived tables with a replay of the events, whatever stores them: each
/// backend reads its tables and feeds the rows here, so SQLite and PostgreSQL report the same
/// differences in the same words. Findings come in table order (codes, batches,
/// verifications, checkpoints, report chunks), at most a few per table.
struct DerivedTableCheck {
    private let replay: AuditReplay
    private(set) var findings: [String] = []
    /// Row ids of the codes matched so far, to compare `reprint_of` by position.
    private var codeIDs: [Int64] = []
    private var codeMismatches = 0

    init(replay: AuditReplay) {
        self.replay = replay
        codeIDs.reserveCapacity(replay.codes.count)
    }

    /// Takes the next row of the `codes` table in id order, beside the replayed codes in
    /// issuance order: the station inserts each code with its `issued` event, so the two
    /// orders are the same. Returns false when the walk is lost and should stop.
    mutating func code(id: Int64, value: String, batch: Int64, state: String, reprintOf: Int64?) -> Bool {
        let expected = replay.codes
        let position = codeIDs.count
        guard position < expected.count, expected[position].value == value else {
            codeMismatch("codes table: \(value) (row \(id)) is not the code issued by event number \(position + 1) of the issued codes")
            return false
        }
        codeIDs.append(id)
        let code = expected[position]
        if code.state.rawValue != state || code.batch != batch || code.reprintOf.map({ codeIDs[$0] }) != reprintOf {
            codeMismatch("codes table: \(value) is \(state) in batch \(batch); the events say \(code.state) in batch \(code.batch)")
        }
        return true
    }

    /// Called after the last `code(…)`: reports codes the table lacks and the total.
    mutating func finishCodes() {
        let expected = replay.codes
        if codeMismatches == 0, codeIDs.count < expected.count {
            findings.append("codes table: \(expected.count - codeIDs.count) issued codes are missing, e.g. \(expected[codeIDs.count].value)")
        }
        if codeMismatches > 3 { findings.append("codes table: \(codeMismatches) rows differ from the events in all") }
    }

    private mutating func codeMismatch(_ finding: String) {
        codeMismatches += 1
        if codeMismatches <= 3 { findings.append(finding) }
    }

    /// Every row of the `code_leases` table: a lease's codes are codes of its batch, issued
    /// by its station, and no code is in two leases. Call after the codes.
    mutating func leases(_ rows: [(id: Int64, station: String, batch: Int64, first: Int64, last: Int64)]) {
        let expected = replay.codes
        var differences: [String] = []
        var lastLeasedID: Int64 = 0
        for lease in rows.sorted(by: { $0.first < $1.first }) {
            if lease.first <= lastLeasedID { differences.append("code_leases table: lease \(lease.id) overlaps another lease") }
            lastLeasedID = max(lastLeasedID, lease.last)
            // `codeIDs` ascend with the positions of the replayed codes.
            var position = firstPosition(atOrAfter: lease.first)
            while position < codeIDs.count, codeIDs[position] <= lease.last {
                let code = expected[position]
                if code.station != lease.station || code.batch != lease.batch {
                    differences.append("code_leases table: lease \(lease.id) gives \(code.value) to \(lease.station) in batch \(lease.batch); the events say \(code.station) issued it in batch \(code.batch)")
                    break
                }
                position += 1
            }
            if lease.last < lease.first { differences.append("code_leases table: lease \(lease.id) is an empty range") }
        }
        findings += differences.prefix(3)
        if differences.count > 3 { findings.append("code_leases table: \(differences.count) leases differ from the events in all") }
    }

    /// The position of the first matched code whose row id is `id` or more.
    private func firstPosition(atOrAfter id: Int64) -> Int {
        var low = 0, high = codeIDs.count
        while low < high {
            let middle = (low + high) / 2
            if codeIDs[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Every row of the `batches` table, in id order.
    mutating func batches(_ rows: [Batch]) {
        var batches = replay.batches
        for batch in rows {
            guard let facts = batches.removeValue(forKey: batch.id) else {
                findings.append("batches table: batch \(batch.id) was never created by an event")
                continue
            }
            if facts.details != batch.spec.details || facts.issued != batch.issuedCount || facts.closed != (batch.state == .closed) {
                findings.append("batches table: batch \(batch.id) (issued \(batch.issuedCount), \(batch.state.rawValue)) differs from its events (issued \(facts.issued), \(facts.closed ? "closed" : "open"))")
            }
        }
        for id in batches.keys.sorted() { findings.append("batches table: batch \(id) is missing") }
    }

    /// The number of rows in the `verifications` table.
    mutating func verifications(_ count: Int) {
        if count != replay.verifications {
            findings.append("verifications table: \(count) rows; the events record \(replay.verifications)")
        }
    }

    /// Every row of the `checkpoints` table.
    mutating func checkpoints(_ rows: [(batch: Int64, lastSeq: Int64, lastHash: [UInt8], signature: [UInt8])]) {
        let stored = Set(rows.map { "\($0.batch)/\($0.lastSeq)/\($0.lastHash.hex)/\($0.signature.hex)" })
        let replayed = Set(replay.checkpoints.values.map { "\($0.batch)/\($0.lastSeq)/\($0.lastHash.hex)/\($0.signature.hex)" })
        if stored != replayed {
            findings.append("checkpoints table: \(stored.count) rows do not match the \(replayed.count) batch-closed events")
        }
    }

    /// The delivered report chunks in id order: a chunk is delivered exactly when a
    /// `report-acknowledged` event names it, with its codes.
    mutating func deliveredChunks(_ rows: [(key: String, codes: Int)]) {
        var expected = replay.acknowledgedChunks
        var differences: [String] = []
        for (key, codes) in rows {
            switch expected.removeValue(forKey: key) {
            case nil: differences.append("report_chunks table: chunk \(key) is delivered, but no event records its acknowledgement")
            case let acknowledged? where acknowledged != codes:
                differences.append("report_chunks table: chunk \(key) holds \(codes) codes; its acknowledgement says \(acknowledged)")
            default: break
            }
        }
        for key in expected.keys.sorted() {
            differences.append("report_chunks table: chunk \(key) was acknowledged, but is not marked delivered")
        }
        findings += differences.prefix(3)
        if differences.count > 3 { findings.append("report_chunks table: \(differences.count) chunks differ from the events in all") }
    }
}
