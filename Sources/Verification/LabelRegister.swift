/// The record of issued labels a run verifies against: the ledger, which the executable adapts
/// to this so that Verification does not depend on it. Labels of `batch` pass; the register
/// also knows other batches' labels, so a wrong read can say whose code it is.
public protocol LabelRegister: Sendable {
    /// The batch whose labels this run expects.
    var batch: Int64 { get }
    /// The label issued with this GTIN-14 and serial, in any batch; nil when none was.
    func label(gtin: String, serial: String) async throws -> RegisteredLabel?
    /// Records durably, before returning, that `label` passed or failed verification, and
    /// returns the names of the events recorded, in order.
    func recordVerification(of label: RegisteredLabel, passed: Bool) async throws -> [String]
}

/// An issued label as verification sees it.
public struct RegisteredLabel: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        /// Issued or sent, with no printer event on record yet.
        case unprinted
        /// Printed, confirmed or not, and not verified.
        case printed
        case verifiedPass = "verified-pass"
        case verifiedFail = "verified-fail"
        case voided
    }

    /// The code as issued (for the ledger, its Digital Link URI).
    public let code: String
    public let batch: Int64
    public let state: State

    public init(code: String, batch: Int64, state: State) {
        self.code = code
        self.batch = batch
        self.state = state
    }
}
