import Testing
@testable import Ledger

@Suite("Label state machine")
struct LabelStateTests {
    static let legal: [(LabelState, LabelEvent, LabelState)] = [
        (.issued, .sent, .sent), (.issued, .printed, .printed), (.sent, .printed, .printed), (.sent, .unconfirmed, .unconfirmed),
        (.unconfirmed, .printed, .printed), (.printed, .verifiedPass, .verifiedPass), (.printed, .verifiedFail, .verifiedFail),
        (.unconfirmed, .verifiedPass, .verifiedPass), (.verifiedPass, .voided(reason: "x"), .voided), (.issued, .voided(reason: "x"), .voided),
    ]

    @Test("Legal steps lead to the expected state", arguments: legal)
    func legalSteps(from: LabelState, event: LabelEvent, to: LabelState) {
        #expect(from.applying(event) == to)
    }

    static let illegal: [(LabelState, LabelEvent)] = [
        (.issued, .verifiedPass), (.sent, .verifiedFail), (.issued, .unconfirmed), (.printed, .sent),
        (.verifiedPass, .verifiedFail), (.voided, .printed), (.voided, .voided(reason: "again")), (.printed, .printed),
    ]

    @Test("Illegal steps are refused: verified before printed, anything after voided", arguments: illegal)
    func illegalSteps(from: LabelState, event: LabelEvent) {
        #expect(from.applying(event) == nil)
    }
}
