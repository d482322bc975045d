/// A step in one label's life, after its issuance.
public enum LabelEvent: Sendable, Hashable {
    case sent
    /// The printer confirmed the label.
    case printed
    /// Sent, but the printer link could not prove the label printed.
    case unconfirmed
    case verifiedPass
    case verifiedFail
    case voided(reason: String)

    public var kind: EventKind {
        switch self {
        case .sent: .sent
        case .printed: .printed
        case .unconfirmed: .unconfirmed
        case .verifiedPass: .verifiedPass
        case .verifiedFail: .verifiedFail
        case .voided: .voided
        }
    }

    /// The step an event of `kind` with `details` records; nil for other kinds.
    init?(kind: EventKind, details: String) {
        switch kind {
        case .sent: self = .sent
        case .printed: self = .printed
        case .unconfirmed: self = .unconfirmed
        case .verifiedPass: self = .verifiedPass
        case .verifiedFail: self = .verifiedFail
        case .voided:
            guard let reason = CanonicalJSON.parse(details)?["reason"] as? String else { return nil }
            self = .voided(reason: reason)
        default: return nil
        }
    }

    /// The event's details as stored and hashed (sorted-key JSON).
    var details: String {
        switch self {
        case .voided(let reason): CanonicalJSON.text(["reason": .string(reason)])
        default: CanonicalJSON.empty
        }
    }
}

/// One requested label step: the code as printed (its Digital Link URI) and what happened.
public struct LabelChange: Sendable, Hashable {
    public let code: String
    public let event: LabelEvent
    /// When given, the code must belong to this batch.
    public let batch: Int64?

    public init(code: String, event: LabelEvent, batch: Int64? = nil) {
        self.code = code
        self.event = event
        self.batch = batch
    }
}
