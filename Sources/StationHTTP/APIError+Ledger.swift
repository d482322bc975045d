import Hummingbird
import Ledger

extension APIError {
    /// The answer to a ledger refusal: the client's mistakes are 4xx naming the input; a
    /// ledger that cannot be written is 503, since the same request succeeds once it can.
    init(_ error: LedgerError, field: String? = nil) {
        let message = error.description
        switch error.rule {
        case .unknownBatch:
            self.init(.notFound, "batch-not-found", message, field: field ?? "batch")
        case .batchClosed:
            self.init(.conflict, "batch-closed", message, field: field)
        case .overIssue:
            self.init(.conflict, "over-issue", message, field: field)
        case .unknownCode:
            self.init(.unprocessableContent, "unknown-code", message, field: field ?? "code")
        case .codeInOtherBatch:
            self.init(.unprocessableContent, "code-in-other-batch", message, field: field ?? "code")
        case .illegalTransition:
            self.init(.conflict, "illegal-transition", message, field: field ?? "code")
        case .invalidInput:
            self.init(.unprocessableContent, "invalid-field", message, field: field)
        case .serialSpaceExhausted:
            self.init(.conflict, "serial-space-exhausted", message, field: field)
        case .unbalanced:
            self.init(.conflict, "unbalanced", message + " (in the API: send {\"override\": {\"reason\": \"…\"}} as a lead)")
        case .refused(let errors):
            // One refused change reads best as itself; several keep the ledger's list.
            if errors.count == 1 {
                self.init(errors[0], field: field)
            } else {
                self.init(.conflict, "refused", message, field: field)
            }
        case .noSigningKey, .badSigningKey:
            self.init(.serviceUnavailable, "no-signing-key", message)
        case .locked, .noAnswer:
            self.init(.serviceUnavailable, "ledger-busy", message, headers: [.retryAfter: "1"])
        case .readOnly, .notADatabase, .full, .cannotOpen, .newerSchema, .storage:
            self.init(.serviceUnavailable, "ledger-unavailable", message)
        }
    }
}
