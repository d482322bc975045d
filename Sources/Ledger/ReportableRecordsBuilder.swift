/// Builds a batch's reportable records from its rows, whatever stores them: each backend
/// reads the batch's unreported codes, feeds the batch's print and void events in chain
/// order, and its reprints, so SQLite and PostgreSQL report the same records in the same
/// words. Also the checks and event details of the outbox that depend on no storage.
struct ReportableRecordsBuilder {
    /// A `codes` row that is commissioned or voided and not yet reported (to the destination).
    struct CodeRow {
        let id: Int64
        let scheme: String
        let value: String
        let elementString: String
        let state: String
    }

    /// The states whose codes are reported: commissioned ones and voided ones.
    static let reportedStates = ["printed", "unconfirmed", "verified-pass", "verified-fail", "voided"]
    /// The event kinds `event(…)` takes.
    static let factKinds = [EventKind.printed.rawValue, EventKind.unconfirmed.rawValue, EventKind.voided.rawValue]

    private let batch: Batch
    private let destination: String?
    private let rows: [CodeRow]
    /// Each code's row id, by value.
    private(set) var ids: [String: Int64] = [:]
    private var facts: [String: EventFacts] = [:]
    /// The value of the code issued in place of each reprinted code's row id.
    private var replacements: [Int64: String] = [:]

    private struct EventFacts {
        var time: Int64
        var printedAt: Int64?
        var station: String?
        var voidedAt: Int64?
        var reason: String?
    }

    /// `rows` in id (issuance) order.
    init(batch: Batch, destination: String?, codes rows: [CodeRow]) {
        self.batch = batch
        self.destination = destination
        self.rows = rows
        ids.reserveCapacity(rows.count)
        for row in rows { ids[row.value] = row.id }
        facts.reserveCapacity(rows.count)
    }

    /// No code to report: the backend need not read events or reprints.
    var isEmpty: Bool { rows.isEmpty }

    /// Takes the batch's next `printed`, `unconfirmed` or `voided` event with a code, in seq
    /// order: `printed` wins over an earlier `unconfirmed`.
    mutating func event(code: String, kind: String, time: Int64, station: String, details: String) {
        guard ids[code] != nil else { return }
        var fact = facts[code] ?? EventFacts(time: time)
        fact.time = time
        switch kind {
        case EventKind.voided.rawValue:
            fact.voidedAt = time
            fact.reason = CanonicalJSON.parse(details)?["reason"] as? String
        default:
            fact.printedAt = time
            fact.station = station
        }
        facts[code] = fact
    }

    /// Takes a code of the batch issued in place of the code with row id `original`; the first
    /// one fed for an original counts.
    mutating func reprint(of original: Int64, value: String) {
        if replacements[original] == nil { replacements[original] = value }
    }

    /// The records, in issuance order; refuses a state no event explains.
    func records() throws -> ReportableRecords {
        var codes: [CommissionedCode] = [], voids: [VoidedCode] = []
        for row in rows {
            guard let state = LabelState(rawValue: row.state), let fact = facts[row.value] else {
                throw LedgerError("code \(row.value)", .storage("its \(row.state) state has no matching event; run `tracestation audit verify`"))
            }
            if state == .voided {
                voids.append(VoidedCode(scheme: row.scheme, value: row.value, voidedAt: fact.voidedAt ?? fact.time,
                                        reason: fact.reason ?? "", replacedBy: replacements[row.id]))
            } else if let printedAt = fact.printedAt, let station = fact.station {
                codes.append(CommissionedCode(scheme: row.scheme, value: row.value, elementString: row.elementString,
                                              printedAt: printedAt, station: station, state: state))
            } else {
                throw LedgerError("code \(row.value)", .storage("it is \(row.state) with no printed event; run `tracestation audit verify`"))
            }
        }
        return ReportableRecords(batch: batch, destination: destination, codes: codes, voids: voids)
    }

    /// Every record in exactly one chunk, every chunk with at least one record.
    static func checkCoverage(_ chunks: [OutboxChunk], records: ReportableRecords, subject: String) throws {
        let codes = chunks.flatMap(\.codes), voids = chunks.flatMap(\.voids)
        guard !chunks.isEmpty, chunks.allSatisfy({ !$0.codes.isEmpty || !$0.voids.isEmpty }),
              codes.count == records.codes.count, Set(codes) == Set(records.codes.map(\.value)),
              voids.count == records.voids.count, Set(voids) == Set(records.voids.map(\.value)) else {
            throw LedgerError(subject, .invalidInput("the chunks must carry each of the \(records.codes.count) codes and \(records.voids.count) voids exactly once"))
        }
    }

    /// Builds the chunks of a report, naming the builder's failure.
    static func build(_ draft: ReportDraft, subject: String, with build: (ReportDraft) throws -> [OutboxChunk]) throws -> [OutboxChunk] {
        let chunks: [OutboxChunk]
        do {
            chunks = try build(draft)
        } catch {
            throw LedgerError(subject, .invalidInput("the report could not be built: \(error)"))
        }
        try checkCoverage(chunks, records: draft.records, subject: subject)
        return chunks
    }

    /// The details of the `report-acknowledged` event for a delivered chunk.
    static func acknowledgementDetails(idempotencyKey: String, codes: Int64, report: Int64, destination: String, receipt: String) -> String {
        CanonicalJSON.text([
            "chunk": .string(idempotencyKey), "codes": .integer(codes), "report": .integer(report),
            "destination": .string(destination), "receipt": .string(receipt),
        ])
    }
}
