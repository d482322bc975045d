/// Where one label stands. Derived from its events; the `codes` table caches it.
///
/// `issued → sent → printed → verified-pass | verified-fail`; `sent → unconfirmed` when the
/// printer link cannot prove the label printed; `issued → printed` for equipment outside the
/// station (an inkjet coder, a pre-printed roll); any state → `voided`, which is final.
public enum LabelState: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case issued
    case sent
    case printed
    case unconfirmed
    case verifiedPass = "verified-pass"
    case verifiedFail = "verified-fail"
    case voided

    public var description: String { rawValue }

    /// The state after `event`, or nil when the step is illegal.
    public func applying(_ event: LabelEvent) -> LabelState? {
        applying(event.kind)
    }

    /// The state after an event of `kind`; nil when illegal or not a label step.
    public func applying(_ kind: EventKind) -> LabelState? {
        switch (self, kind) {
        case (.voided, _): nil
        case (_, .voided): .voided
        case (.issued, .sent): .sent
        case (.issued, .printed), (.sent, .printed), (.unconfirmed, .printed): .printed
        case (.sent, .unconfirmed): .unconfirmed
        case (.printed, .verifiedPass), (.unconfirmed, .verifiedPass): .verifiedPass
        case (.printed, .verifiedFail), (.unconfirmed, .verifiedFail): .verifiedFail
        default: nil
        }
    }
}
