/// The counts a shift lead signs off: every code of a batch (or issued in a shift) by where
/// its label stands now.
///
/// The buckets are current states, so they add up: `issued = printed + voided + unused + sent`
/// where `printed = printedConfirmed + unconfirmed + verifiedPass + verifiedFail`. A batch
/// balances when no label is still in flight (`sent`) and every printed label was verified or
/// flagged (unconfirmed or verified-fail), i.e. `printedConfirmed` is 0.
public struct Reconciliation: Sendable, Hashable {
    public enum Scope: Sendable, Hashable, CustomStringConvertible {
        case batch(Int64)
        /// Codes issued in `[from, to)`, milliseconds since 1970 UTC.
        case shift(from: Int64, to: Int64)

        public var description: String {
            switch self {
            case .batch(let id): "batch \(id)"
            case .shift(let from, let to): "shift \(Timestamp.iso8601(from)) to \(Timestamp.iso8601(to))"
            }
        }
    }

    public let scope: Scope
    public let issued: Int
    public let sent: Int
    /// Printed and confirmed, not yet verified.
    public let printedConfirmed: Int
    public let unconfirmed: Int
    public let verifiedPass: Int
    public let verifiedFail: Int
    public let voided: Int
    /// Codes issued as reprints of voided ones.
    public let reprinted: Int
    /// Issued and never sent or printed.
    public let unused: Int
    /// Commissioned codes queued in reports to any destination.
    public let reported: Int?
    /// Of those, codes whose chunk the platform acknowledged.
    public let acknowledged: Int?

    /// `reported` and `acknowledged` are nil where the outbox is not counted: a checkpoint
    /// signs the label counts alone.
    public init(scope: Scope, counts: [LabelState: Int], reprinted: Int, reported: Int? = nil, acknowledged: Int? = nil) {
        self.scope = scope
        sent = counts[.sent, default: 0]
        printedConfirmed = counts[.printed, default: 0]
        unconfirmed = counts[.unconfirmed, default: 0]
        verifiedPass = counts[.verifiedPass, default: 0]
        verifiedFail = counts[.verifiedFail, default: 0]
        voided = counts[.voided, default: 0]
        unused = counts[.issued, default: 0]
        issued = counts.values.reduce(0, +)
        self.reprinted = reprinted
        self.reported = reported
        self.acknowledged = acknowledged
    }

    /// Labels that reached the printer.
    public var printed: Int { printedConfirmed + unconfirmed + verifiedPass + verifiedFail }

    /// Why the counts do not balance; empty when they do.
    public var problems: [String] {
        var problems: [String] = []
        if issued != printed + voided + unused + sent {
            problems.append("issued \(issued) ≠ printed \(printed) + voided \(voided) + unused \(unused) + sent \(sent)")
        }
        if sent > 0 { problems.append("\(sent) sent to the printer with no outcome recorded") }
        if printedConfirmed > 0 { problems.append("\(printedConfirmed) printed but neither verified nor flagged") }
        return problems
    }

    public var isBalanced: Bool { problems.isEmpty }

    /// The counts in report order, with their stable names (JSON keys and CSV columns); the
    /// reporting counts come last, when counted.
    public var fields: [(name: String, value: Int)] {
        var fields = [("issued", issued), ("sent", sent), ("printed_confirmed", printedConfirmed), ("unconfirmed", unconfirmed),
                      ("verified_pass", verifiedPass), ("verified_fail", verifiedFail), ("voided", voided),
                      ("reprinted", reprinted), ("unused", unused), ("printed", printed)]
        if let reported { fields.append(("reported", reported)) }
        if let acknowledged { fields.append(("acknowledged", acknowledged)) }
        return fields
    }
}

extension Reconciliation {
    /// The counts from a backend's aggregate over `codes`: one row per state with its code
    /// count and how many of those are reprints. An unknown state means the table was edited.
    init(scope: Scope, stateRows: [(state: String, count: Int, reprinted: Int)], reported: Int? = nil,
         acknowledged: Int? = nil) throws(LedgerError) {
        var counts: [LabelState: Int] = [:]
        var reprinted = 0
        for row in stateRows {
            guard let label = LabelState(rawValue: row.state) else {
                throw LedgerError("codes table", .storage("unknown state '\(row.state)'; run `tracestation audit verify`"))
            }
            counts[label] = row.count
            reprinted += row.reprinted
        }
        self.init(scope: scope, counts: counts, reprinted: reprinted, reported: reported, acknowledged: acknowledged)
    }
}
