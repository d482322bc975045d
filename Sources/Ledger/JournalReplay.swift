/// A label step a station recorded in its offline journal while the shared ledger was out of
/// reach, replayed later with its own time.
public struct JournaledChange: Sendable, Hashable {
    /// The entry's number in the station's journal, from 1.
    public let seq: Int64
    /// When the station recorded it, milliseconds since 1970 UTC.
    public let time: Int64
    public let change: LabelChange
    /// The ledger was asked to record it and did not answer before the journal took it: the
    /// ledger may hold it already. Such a step found already taken counts as recorded.
    public let mayBeRecorded: Bool

    public init(seq: Int64, time: Int64, change: LabelChange, mayBeRecorded: Bool) {
        self.seq = seq
        self.time = time
        self.change = change
        self.mayBeRecorded = mayBeRecorded
    }
}

/// Consecutive journal entries, oldest first, and the journal's hash after the last of them,
/// which the `journal-synced` event puts on the ledger's chain.
public struct JournalSegment: Sendable {
    public let entries: [JournaledChange]
    public let headHash: [UInt8]

    public init(entries: [JournaledChange], headHash: [UInt8]) {
        self.entries = entries
        self.headHash = headHash
    }
}

/// What a replay did with each entry.
public struct ReplayOutcome: Sendable, Equatable {
    public struct Refusal: Sendable, Equatable {
        public let seq: Int64
        public let error: LedgerError
    }

    /// Recorded now, on the chain.
    public var applied = 0
    /// On record before: replayed by an earlier sync, or written by a call that went unanswered.
    public var alreadyRecorded = 0
    /// Refused by the ledger's rules (its batch was closed meanwhile, say); kept in the
    /// journal for the lead, never dropped.
    public var refusals: [Refusal] = []

    public init() {}

    /// Counts an entry the ledger would not take.
    mutating func take(_ error: LedgerError, for entry: JournaledChange) {
        if entry.mayBeRecorded, case .illegalTransition = error.rule {
            alreadyRecorded += 1
        } else {
            refusals.append(Refusal(seq: entry.seq, error: error))
        }
    }

    /// The `journal-synced` event's details.
    func details(of segment: JournalSegment) -> String {
        CanonicalJSON.text([
            "journal_first": .integer(segment.entries.first?.seq ?? 0),
            "journal_last": .integer(segment.entries.last?.seq ?? 0),
            "journal_head": .string(segment.headHash.hex),
            "applied": .integer(Int64(applied)),
            "already_recorded": .integer(Int64(alreadyRecorded)),
            "refused": .integer(Int64(refusals.count)),
        ])
    }
}

/// The rules of one label step, the same on every backend: the code must be ours and in the
/// batch named, its batch open, and the step legal from its state.
enum LabelStepRule {
    /// The code's state after `change`, given its stored row.
    static func next(after change: LabelChange, batch: Int64, state stored: String, scheme: String, value: String,
                     batchIsOpen: Bool) throws(LedgerError) -> LabelState {
        let subject = "code \(change.code)"
        guard scheme == IssuedCode.gs1Scheme, value == change.code else { throw LedgerError(subject, .unknownCode) }
        if let expected = change.batch, expected != batch { throw LedgerError(subject, .codeInOtherBatch(batch)) }
        guard batchIsOpen else { throw LedgerError("\(subject) of batch \(batch)", .batchClosed) }
        let state = LabelState(rawValue: stored) ?? .voided
        guard let next = state.applying(change.event) else {
            throw LedgerError(subject, .illegalTransition(from: state, event: change.event))
        }
        return next
    }
}
