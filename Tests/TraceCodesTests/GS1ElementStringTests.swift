import Testing
@testable import TraceCodes

@Suite("GS1 element strings: AI rules and the bracketed form")
struct GS1ElementStringTests {
    /// The rule `text` breaks, or nil when it is valid.
    private func rule(_ text: String, options: GS1ValidationOptions = .gs1) -> TraceCodeError.Rule? {
        do {
            _ = try GS1ElementString(bracketed: text, options: options)
            return nil
        } catch {
            return error.rule
        }
    }

    @Test("The brief's full example parses into its four elements")
    func parsesFullExample() throws {
        let code = try GS1ElementString(bracketed: "(01)06901234567892(11)250301(10)B20250301(21)A0001")
        #expect(code.elements.map(\.ai) == ["01", "11", "10", "21"])
        #expect(code[ai: "10"] == "B20250301")
        #expect(code.humanReadable == "(01)06901234567892(11)250301(10)B20250301(21)A0001")
    }

    @Test("A GTIN with a wrong check digit is rejected")
    func rejectsBadCheckDigit() {
        #expect(rule("(01)06901234567893") == .checkDigit(found: "3", expected: "2"))
    }

    @Test("A space in a serial is named with its position and the set")
    func rejectsSpace() {
        let error = #expect(throws: TraceCodeError.self) { try GS1ElementString(bracketed: "(01)06901234567892(21)A 001") }
        #expect(error?.description == #"AI (21) "A 001": character ' ' at position 2 is not in CSET 82"#)
    }

    @Test("CSET 82 punctuation is accepted in a serial")
    func acceptsCSET82Punctuation() throws {
        let code = try GS1ElementString(bracketed: "(01)06901234567892(21)A/001%")
        #expect(code[ai: "21"] == "A/001%")
    }

    @Test("The GB/T 33993-2017 option refuses % & / < > ? in lot and serial", arguments: Array("%&/<>?"))
    func strictSetRefuses(_ character: Character) {
        let text = "(01)06901234567892(10)L\(character)1"
        #expect(rule(text, options: .gbt33993) == .character(character, position: 2, allowedSet: GS1CharacterSet.gbt33993.name))
        #expect(rule(text, options: .gs1) == nil)
    }

    @Test("A serial of 21 characters is too long")
    func rejectsLongSerial() {
        #expect(rule("(01)06901234567892(21)" + String(repeating: "A", count: 21)) == .lengthOutOfRange(found: 21, allowed: 1...20))
    }

    @Test("Dates must exist; day 00 is allowed", arguments: [
        ("250231", false), ("250200", true), ("240229", true), ("230229", false),
        ("251301", false), ("250001", false), ("250431", false), ("251231", true), ("000229", true),
    ])
    func checksDates(_ date: String, _ valid: Bool) {
        #expect((rule("(01)06901234567892(11)\(date)") == nil) == valid)
        #expect((rule("(01)06901234567892(17)\(date)") == nil) == valid)
    }

    @Test("Required associations are enforced", arguments: [
        ("(21)A0001", "21", ["01"]),
        ("(10)L1", "10", ["01", "02"]),
        ("(11)250301", "11", ["01", "02"]),
        ("(17)250301", "17", ["01", "02"]),
        ("(254)LINE1", "254", ["414"]),
    ])
    func requiresAssociations(_ text: String, _ ai: String, _ required: [String]) {
        #expect(rule(text) == .missingAssociation(ai: ai, requiresOneOf: required))
    }

    @Test("A GLN with its extension and a content line with count are accepted")
    func acceptsOtherKeys() throws {
        _ = try GS1ElementString(bracketed: "(414)6901234000016(254)LINE1")
        _ = try GS1ElementString(bracketed: "(00)106141411234567897(02)06901234567892(37)24")
    }

    @Test("(01) and (02) exclude each other")
    func excludesGTINWithContent() {
        #expect(rule("(00)106141411234567897(01)06901234567892(02)06901234567892(37)2") == .excludedAssociation(ai: "01", with: "02"))
    }

    @Test("A repeated AI is rejected")
    func rejectsRepeatedAI() {
        #expect(rule("(01)06901234567892(10)A(10)B") == .repeatedApplicationIdentifier("10"))
    }

    @Test("An unsupported AI is rejected")
    func rejectsUnknownAI() {
        #expect(rule("(01)06901234567892(8200)X") == .unknownApplicationIdentifier("8200"))
    }

    @Test("Malformed brackets are syntax errors", arguments: ["", "01)06901234567892", "(01", "(1)X", "(0A)X"])
    func rejectsMalformedBrackets(_ text: String) {
        let found = rule(text)
        #expect(found != nil)
        if case .syntax = found {} else if text.isEmpty { #expect(found == .empty) } else { Issue.record("expected a syntax error, got \(String(describing: found))") }
    }

    @Test("A '(' inside a value is escaped in the bracketed form and parses back")
    func escapesParenthesis() throws {
        let code = try GS1ElementString([GS1Element(ai: "01", value: "06901234567892"), GS1Element(ai: "10", value: "A(21)B")])
        #expect(code.humanReadable == "(01)06901234567892(10)A(21)B")
        #expect(code.bracketed == #"(01)06901234567892(10)A\(21)B"#)
        #expect(try GS1ElementString(bracketed: code.bracketed) == code)
    }

    @Test("The predefined-length table agrees with the fixed lengths of the AI table")
    func predefinedTableAgrees() {
        for ai in GS1ApplicationIdentifier.supported where ai.hasPredefinedLength {
            #expect(ai.length.count == 1, "(\(ai.code)) is predefined but variable")
            #expect(GS1ApplicationIdentifier.predefinedLengths[String(ai.code.prefix(2))] == ai.code.count + ai.length.upperBound)
        }
        #expect(GS1ApplicationIdentifier.named("10")?.hasPredefinedLength == false)
        #expect(GS1ApplicationIdentifier.named("414")?.hasPredefinedLength == true)
    }
}
