/// The one error of Ledger: what failed, on which input, and what to do.
///
/// `subject` names the input (a database path, a batch, a code); `rule` is what went wrong.
/// The description reads as one sentence an operator can act on, for example
/// `batch 3: issuing 200 codes would exceed quantity 1000 plus 5% overage (1050); 900 issued`.
public struct LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    public let subject: String
    public let rule: Rule

    public init(_ subject: String, _ rule: Rule) {
        self.subject = subject
        self.rule = rule
    }

    public var description: String { "\(subject): \(rule)" }

    public enum Rule: Equatable, Sendable, CustomStringConvertible {
        // Storage: each names the remedy, since the station must stop rather than print.
        case readOnly
        case locked(seconds: Double)
        case notADatabase
        case full
        case cannotOpen(String)
        case newerSchema
        /// A database on the network did not answer in time; whether the call took effect is unknown.
        case noAnswer(seconds: Double)
        case storage(String)

        // Batches and codes.
        case unknownBatch
        case batchClosed
        case overIssue(requested: Int, issued: Int, limit: Int)
        case unknownCode
        case codeInOtherBatch(Int64)
        case illegalTransition(from: LabelState, event: LabelEvent)
        case invalidInput(String)
        case serialSpaceExhausted(attempts: Int)
        /// Several changes refused together; nothing was recorded.
        case refused([LedgerError])

        // Closing and signing.
        case unbalanced(String)
        case noSigningKey
        case badSigningKey(String)

        public var description: String {
            switch self {
            case .readOnly:
                return "the database is read-only; give the station's user write access to the file and its folder, or use another --db"
            case .locked(let seconds):
                return "the database stayed locked by another process for \(seconds) s; stop the other writer or retry"
            case .notADatabase:
                return "the file is not a TraceStation database or is damaged; restore it from a backup and run `tracestation audit verify`"
            case .full:
                return "the disk or database is full; free space, then retry (nothing was issued or recorded)"
            case .cannotOpen(let reason):
                // The reason carries its remedy: a file's differs from a server's.
                return "cannot open the database: \(reason)"
            case .noAnswer(let seconds):
                return "the database did not answer within \(seconds) s; check the network and the server (whether the last call took effect is unknown)"
            case .newerSchema:
                return "the database was written by a newer TraceStation; upgrade this station"
            case .storage(let message):
                return "storage error: \(message)"
            case .unknownBatch:
                return "no such batch; `tracestation batch list` shows the batches"
            case .batchClosed:
                return "the batch is closed; open a new batch"
            case .overIssue(let requested, let issued, let limit):
                return "issuing \(requested) more codes would exceed the batch limit of \(limit) (quantity plus overage); \(issued) already issued"
            case .unknownCode:
                return "this code was never issued by this ledger"
            case .codeInOtherBatch(let batch):
                return "this code belongs to batch \(batch)"
            case .illegalTransition(let state, let event):
                return "a label in state \(state) cannot become \(event.kind.rawValue)"
            case .invalidInput(let message):
                return message
            case .serialSpaceExhausted(let attempts):
                return "no unused serial found in \(attempts) draws; use longer serials"
            case .refused(let errors):
                return "nothing recorded:\n" + errors.map { "  \($0)" }.joined(separator: "\n")
            case .unbalanced(let reason):
                return "the batch does not balance (\(reason)); record the missing events, or close with --override-reason and --lead"
            case .noSigningKey:
                return "no signing key configured; set TRACESTATION_SIGNING_KEY (64 hex digits or a key file) or pass --signing-key, and create a key with `tracestation audit keygen`"
            case .badSigningKey(let reason):
                return "the signing key is unusable (\(reason)); it must be 32 bytes, as 64 hex digits or raw in a file"
            }
        }
    }
}
