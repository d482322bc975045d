import Testing
@testable import TraceCodes

@Suite("CCC certificate numbers")
struct CCCCertificateNumberTests {
    @Test("The fields of a CCC number are read in order")
    func readsFields() throws {
        let number = try CCCCertificateNumber("2024010201234567", validYears: 2001...2026)
        #expect(number.year == 2024)
        #expect(number.certificationBody == "01")
        #expect(number.productCategory == "0201")
        #expect(number.majorCategory == "02")
        #expect(number.sequence == "234567")
    }

    @Test("Wrong length, letters and implausible years are refused", arguments: [
        ("202401020123456", TraceCodeError.Rule.wrongLength(found: 15, expected: [16])),
        ("20240102012345678", .wrongLength(found: 17, expected: [16])),
        ("2024O10201234567", .character("O", position: 5, allowedSet: "digits 0-9")),
        ("1999010201234567", .outOfRange("year 1999 is outside 2001…2026")),
        ("2031010201234567", .outOfRange("year 2031 is outside 2001…2026")),
    ])
    func refusesBadNumbers(_ text: String, _ rule: TraceCodeError.Rule) {
        let error = #expect(throws: TraceCodeError.self) { try CCCCertificateNumber(text, validYears: 2001...2026) }
        #expect(error?.rule == rule)
    }

    @Test("The default year range ends this year")
    func defaultRangeEndsThisYear() {
        #expect(CCCCertificateNumber.plausibleYears.lowerBound == 2001)
        #expect(CCCCertificateNumber.plausibleYears.upperBound >= 2025)
    }
}

@Suite("Production licence numbers")
struct ProductionLicenceNumberTests {
    @Test("National and provincial numbers are read", arguments: [
        ("XK08-001-04763", nil as Character?, "08", "001", "04763", "XK08-001-04763"),
        ("(鄂)XK12-001-00018", "鄂", "12", "001", "00018", "(鄂)XK12-001-00018"),
        ("（鄂）XK12-001-00018", "鄂", "12", "001", "00018", "(鄂)XK12-001-00018"),
    ])
    func readsNumbers(_ text: String, _ province: Character?, _ industry: String, _ product: String, _ enterprise: String, _ canonical: String) throws {
        let number = try ProductionLicenceNumber(text)
        #expect(number.province == province)
        #expect(number.industry == industry)
        #expect(number.product == product)
        #expect(number.enterprise == enterprise)
        #expect(number.description == canonical)
    }

    @Test("Numbers off the XKNN-NNN-NNNNN layout are refused", arguments: [
        "", "XK8-001-04763", "XK08-001-0476A", "QS08-001-04763", "XK08_001-04763", "(E)XK12-001-00018", "(鄂XK12-001-00018", "(湖北)XK12-001-00018",
    ])
    func refusesBadNumbers(_ text: String) {
        #expect(throws: TraceCodeError.self) { try ProductionLicenceNumber(text) }
    }

    @Test("The failing position is named")
    func namesPosition() {
        let error = #expect(throws: TraceCodeError.self) { try ProductionLicenceNumber("(鄂)XK12-001/00018") }
        #expect(error?.rule == .syntax("character '/' at position 12 should be '-', as in XKNN-NNN-NNNNN"))
    }
}

@Suite("Unified social credit codes")
struct SocialCreditCodeTests {
    @Test("Real codes pass the GB 32100 check", arguments: [
        "91350100M000100Y43", "91440300708461136T", "91110108551385082Q", "911100007109310534",
    ])
    func acceptsRealCodes(_ text: String) throws {
        let code = try SocialCreditCode(text, rules: .init(checksOrganizationCode: true))
        #expect(code.description == text)
    }

    @Test("The fields are split as GB 32100 lays them out")
    func readsFields() throws {
        let code = try SocialCreditCode("91350100M000100Y43")
        #expect(code.registrationAuthority == "9")
        #expect(code.organizationType == "1")
        #expect(code.regionCode == "350100")
        #expect(code.organizationCode == "M000100Y4")
        #expect(code.checkCharacter == "3")
    }

    @Test("The weights are 3^(i-1) mod 31")
    func weightsArePowersOfThree() {
        var power = 1
        for weight in SocialCreditCode.weights {
            #expect(weight == power)
            power = power * 3 % 31
        }
    }

    @Test("A wrong check character, a banned letter and a wrong length are refused", arguments: [
        ("911100001000010000", TraceCodeError.Rule.checkCharacter(found: "0", expected: "1")),
        ("91350100M000100Y4I", .character("I", position: 18, allowedSet: "the GB 32100 set 0-9 A-H J-N P-R T U W-Y")),
        ("91350100M000100Y4", .wrongLength(found: 17, expected: [18])),
    ])
    func refusesBadCodes(_ text: String, _ rule: TraceCodeError.Rule) {
        let error = #expect(throws: TraceCodeError.self) { try SocialCreditCode(text) }
        #expect(error?.rule == rule)
    }

    @Test("The organisation-code check is optional")
    func organisationCheckIsOptional() throws {
        // Valid outer check character, wrong GB 11714 inner check.
        let body = "91350100M000100Y5"
        let text = body + String(SocialCreditCode.checkCharacter(for: body))
        _ = try SocialCreditCode(text)
        let error = #expect(throws: TraceCodeError.self) { try SocialCreditCode(text, rules: .init(checksOrganizationCode: true)) }
        #expect(error?.rule == .checkCharacter(found: "5", expected: "4"))
    }

    @Test("An allow-listed code passes despite its check character")
    func allowListOverrides() throws {
        _ = try SocialCreditCode("911100001000010000", rules: .init(allowList: ["911100001000010000"]))
    }
}

@Suite("Digital identity codes")
struct DigitalIdentityCodeTests {
    @Test("The default rules accept printable ASCII up to 64 characters")
    func defaultRules() throws {
        _ = try DigitalIdentityCode("DID:cn/0001-ABC")
        _ = try DigitalIdentityCode(String(repeating: "A", count: 64))
        #expect(throws: TraceCodeError.self) { try DigitalIdentityCode(String(repeating: "A", count: 65)) }
        #expect(throws: TraceCodeError.self) { try DigitalIdentityCode("A B") }
        #expect(throws: TraceCodeError.self) { try DigitalIdentityCode("码") }
        #expect(throws: TraceCodeError.self) { try DigitalIdentityCode("") }
    }

    @Test("A configured pattern, charset and length are enforced")
    func configuredRules() throws {
        let rules = try DigitalIdentityCode.Rules(maxLength: 8, allowedCharacters: Set("ABC0123456789"), allowedCharactersName: "A-C and digits", pattern: "[A-C]{2}[0-9]+")
        _ = try DigitalIdentityCode("AB123", rules: rules)
        let pattern = #expect(throws: TraceCodeError.self) { try DigitalIdentityCode("A1234", rules: rules) }
        #expect(pattern?.rule == .syntax("does not match the configured pattern [A-C]{2}[0-9]+"))
        let charset = #expect(throws: TraceCodeError.self) { try DigitalIdentityCode("ABD1", rules: rules) }
        #expect(charset?.rule == .character("D", position: 3, allowedSet: "A-C and digits"))
        #expect(throws: TraceCodeError.self) { try DigitalIdentityCode("AB1234567", rules: rules) }
    }

    @Test("A pattern that is not a regular expression is refused when configured")
    func refusesBadPattern() {
        #expect(throws: TraceCodeError.self) { try DigitalIdentityCode.Rules(pattern: "[A-") }
        #expect(throws: TraceCodeError.self) { try DigitalIdentityCode.Rules(maxLength: 0) }
    }
}
