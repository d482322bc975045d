import Ledger
import Verification

/// The ledger as the verifier's register: one batch's labels, looked up per image by GTIN and
/// serial (one indexed query, so a batch of any size needs no loading and every image sees the
/// current state, including labels printed or verified since the run began).
/// `tracestation verify --batch` and the API's image uploads both use it.
public struct LedgerLabelRegister: LabelRegister {
    public let ledger: any LedgerStore
    public let batch: Int64

    public init(ledger: any LedgerStore, batch: Int64) {
        self.ledger = ledger
        self.batch = batch
    }

    public func label(gtin: String, serial: String) async throws -> RegisteredLabel? {
        guard let status = try await ledger.codeStatus(gtin: gtin, serial: serial) else { return nil }
        let state: RegisteredLabel.State = switch status.state {
        case .issued, .sent: .unprinted
        case .printed, .unconfirmed: .printed
        case .verifiedPass: .verifiedPass
        case .verifiedFail: .verifiedFail
        case .voided: .voided
        }
        return RegisteredLabel(code: status.value, batch: status.batch, state: state)
    }

    /// One commit per image. A label still issued or sent (an outside coder's print not
    /// recorded yet, or a printer confirmation on its way) was printed: the camera has just
    /// seen it. So `printed` is recorded before the verdict, in the same commit.
    public func recordVerification(of label: RegisteredLabel, passed: Bool) async throws -> [String] {
        let events: [LabelEvent] = (label.state == .unprinted ? [.printed] : []) + [passed ? .verifiedPass : .verifiedFail]
        try await ledger.record(events.map { LabelChange(code: label.code, event: $0, batch: batch) })
        return events.map(\.kind.rawValue)
    }
}
