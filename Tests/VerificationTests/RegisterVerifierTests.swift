import Imaging
import PropertyBased
import Symbology
import Testing
import TraceCodes
import Verification

/// A register in memory that records as the ledger does: a label not yet printed on record
/// gains `printed` before its verdict.
actor MemoryRegister: LabelRegister {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "the database is locked" }
    }

    nonisolated let batch: Int64
    private var labels: [(serial: String, label: RegisteredLabel)]
    private(set) var recorded: [String: [String]] = [:]
    private let failing: Bool

    init(batch: Int64, labels: [(serial: String, label: RegisteredLabel)], failing: Bool = false) {
        self.batch = batch
        self.labels = labels
        self.failing = failing
    }

    func label(gtin: String, serial: String) -> RegisteredLabel? {
        guard gtin == RegisterVerifierTests.gtin else { return nil }
        return labels.first { $0.serial == serial }?.label
    }

    func recordVerification(of label: RegisteredLabel, passed: Bool) throws -> [String] {
        if failing { throw Failure() }
        let events = (label.state == .unprinted ? ["printed"] : []) + [passed ? "verified-pass" : "verified-fail"]
        let index = labels.firstIndex { $0.label.code == label.code }!
        labels[index].label = RegisteredLabel(code: label.code, batch: label.batch, state: passed ? .verifiedPass : .verifiedFail)
        recorded[label.code, default: []] += events
        return events
    }

    func state(of code: String) -> RegisteredLabel.State? {
        labels.first { $0.label.code == code }?.label.state
    }
}

@Suite("Verdicts against a register of issued labels")
struct RegisterVerifierTests {
    static let gtin = "06901234567892"

    /// A time budget no load can use up, so that whether a wrong read is confirmed depends on
    /// the image alone, not on how busy the machine running the tests is.
    static let options = BarcodeDecoder.Options(timeBudget: .seconds(60))
    static let verifier = Verifier(options: options)

    /// A code as the ledger issues it, with a production date that a Digital Link carries as
    /// a query attribute after the serial, while the element string has it before the lot.
    static func code(serial: String, lot: String = "B1") -> GS1ElementString {
        try! GS1ElementString([
            GS1Element(ai: "01", value: gtin), GS1Element(ai: "11", value: "250301"),
            GS1Element(ai: "10", value: lot), GS1Element(ai: "21", value: serial),
        ])
    }

    static func link(_ serial: String) -> String { try! code(serial: serial).digitalLink() }

    static func register(_ states: [(serial: String, batch: Int64, state: RegisteredLabel.State)], failing: Bool = false) -> MemoryRegister {
        MemoryRegister(batch: 1, labels: states.map { ($0.serial, RegisteredLabel(code: link($0.serial), batch: $0.batch, state: $0.state)) },
                       failing: failing)
    }

    @Test("a printed label of the batch passes and is recorded verified-pass; a second image of it is a duplicate")
    func passThenDuplicate() async {
        let register = Self.register([("SER001", 1, .printed)])
        let image = LabelDegradation.label(.qr, Self.link("SER001"), moduleSize: 3)
        let first = await Self.verifier.verify(image, name: "a", against: register)
        #expect(first.status == .pass)
        #expect(first.expected == Self.link("SER001"))
        #expect(first.recorded == ["verified-pass"])
        #expect(first.batch == 1)
        let again = await Self.verifier.verify(image, name: "b", against: register)
        #expect(again.status == .duplicate)
        #expect(again.reason == .verifiedPass)
        #expect(again.recorded == nil)
        #expect(await register.recorded == [Self.link("SER001"): ["verified-pass"]])
    }

    @Test("a GS1-128 element string matches the ledger's Digital Link by content; an unprinted label gains printed first")
    func elementStringMatchesLink() async {
        let register = Self.register([("SER002", 1, .unprinted)])
        let result = await Self.verifier.verify(LabelDegradation.label(.gs1_128, Self.code(serial: "SER002").bracketed, moduleSize: 2),
                                             name: "a", against: register)
        #expect(result.status == .pass)
        #expect(result.symbology == .gs1128)
        #expect(result.recorded == ["printed", "verified-pass"])
        #expect(await register.state(of: Self.link("SER002")) == .verifiedPass)
    }

    @Test("wrong says whose code it read: another batch's, a voided one, or one never issued (same serial, other lot)")
    func wrongReasons() async {
        let register = Self.register([("OTHER1", 2, .printed), ("VOID01", 1, .voided), ("SER003", 1, .printed)])
        func verdict(_ text: String) async -> VerificationResult {
            await Self.verifier.verify(LabelDegradation.label(.qr, text, moduleSize: 3), name: text, against: register)
        }
        let other = await verdict(Self.link("OTHER1"))
        #expect(other.status == .wrong && other.reason == .otherBatch && other.batch == 2)
        let voided = await verdict(Self.link("VOID01"))
        #expect(voided.status == .wrong && voided.reason == .voided && voided.batch == 1)
        let forged = await verdict(try! Self.code(serial: "SER003", lot: "B9").digitalLink())
        #expect(forged.status == .wrong && forged.reason == .notIssued && forged.batch == nil)
        #expect(await register.recorded.isEmpty)
    }

    @Test("a blank image is unreadable and records nothing")
    func unreadable() async {
        let register = Self.register([("SER004", 1, .printed)])
        #expect(await Self.verifier.verify(GrayImage(width: 200, height: 200, fill: 240), name: "blank", against: register).status == .unreadable)
        #expect(await register.recorded.isEmpty)
    }

    @Test("below the minimum grade a batch label fails and is recorded verified-fail; without a minimum it passes")
    func minimumGrade() async {
        let image = LabelDegradation.contrast(LabelDegradation.label(.qr, Self.link("SER005"), moduleSize: 3), low: 110, high: 190)
        let strict = Self.register([("SER005", 1, .printed)])
        let failed = await Verifier(options: Self.options, minimumGrade: QualityGrade.minimum(letter: "A")).verify(image, name: "a", against: strict)
        #expect(failed.status == .fail)
        #expect(failed.reason == .lowGrade)
        #expect((failed.grade?.overall ?? 4) < 3.5)
        #expect(failed.recorded == ["verified-fail"])
        let lenient = Self.register([("SER005", 1, .printed)])
        #expect(await Self.verifier.verify(image, name: "a", against: lenient).status == .pass)
    }

    @Test("when the register fails the verdict is error and says nothing was recorded")
    func registerFailure() async {
        let register = Self.register([("SER006", 1, .printed)], failing: true)
        let result = await Self.verifier.verify(LabelDegradation.label(.qr, Self.link("SER006"), moduleSize: 3), name: "a", against: register)
        #expect(result.status == .error)
        #expect(result.error?.contains("nothing recorded") == true && result.error?.contains("locked") == true)
    }

    /// Labels of random states and batches, as Digital Link QR or GS1 QR: each gets the
    /// verdict its state calls for, and a second look finds every label the first passed a
    /// duplicate.
    @Test("each label's verdict follows from its state and batch, and a second round turns passes into duplicates")
    func verdictsFollowStates() async {
        let states: [RegisteredLabel.State] = [.unprinted, .printed, .verifiedPass, .verifiedFail, .voided]
        let label = zip(Gen.int(in: 0...4), Gen.int(in: 1...2), Gen.int(in: 0...1))
        await propertyCheck(count: 8, input: label.array(of: 1...5)) { picks in
            let labels = picks.enumerated().map { index, pick in (serial: "P\(index)X\(pick.0)\(pick.1)", batch: Int64(pick.1), state: states[pick.0]) }
            let register = Self.register(labels)
            let images = zip(labels, picks).map { label, pick in
                pick.2 == 0 ? LabelDegradation.label(.qr, Self.link(label.serial), moduleSize: 3)
                    : LabelDegradation.label(.gs1QR, Self.code(serial: label.serial).bracketed, moduleSize: 3)
            }
            for round in 0..<2 {
                for (label, image) in zip(labels, images) {
                    let result = await Self.verifier.verify(image, name: label.serial, against: register)
                    let state = round == 1 && [.unprinted, .printed].contains(label.state) ? .verifiedPass : label.state
                    let expected: (VerificationResult.Status, VerificationResult.Reason?) = switch (label.batch, state) {
                    case (2, _): (.wrong, .otherBatch)
                    case (_, .voided): (.wrong, .voided)
                    case (_, .verifiedPass): (.duplicate, .verifiedPass)
                    case (_, .verifiedFail): (.duplicate, .verifiedFail)
                    default: (.pass, nil)
                    }
                    #expect(result.status == expected.0 && result.reason == expected.1, "\(label) round \(round + 1): \(result)")
                }
            }
            for label in labels where label.batch == 1 && [.unprinted, .printed].contains(label.state) {
                #expect(await register.recorded[Self.link(label.serial)] == (label.state == .unprinted ? ["printed"] : []) + ["verified-pass"])
            }
            #expect(await register.recorded.count == labels.filter { $0.batch == 1 && [.unprinted, .printed].contains($0.state) }.count)
        }
    }
}
