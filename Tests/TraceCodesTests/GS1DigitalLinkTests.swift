import Testing
@testable import TraceCodes

@Suite("GS1 Digital Link URIs")
struct GS1DigitalLinkTests {
    @Test("The brief's example becomes the syntax engine's URI")
    func buildsExample() throws {
        let code = try GS1ElementString(bracketed: "(01)06901234567892(11)250301(10)B20250301(21)A0001")
        #expect(try code.digitalLink() == "https://id.gs1.org/01/06901234567892/10/B20250301/21/A0001?11=250301")
    }

    @Test("Characters outside A-Za-z0-9-._~ are percent-encoded")
    func percentEncodes() throws {
        let code = try GS1ElementString(bracketed: "(01)06901234567892(21)A/001%")
        let uri = try code.digitalLink()
        #expect(uri == "https://id.gs1.org/01/06901234567892/21/A%2F001%25")
        #expect(try GS1ElementString(digitalLink: uri) == code)
    }

    @Test("Qualifiers follow the dictionary order 22, 10, 21 whatever the element order")
    func ordersQualifiers() throws {
        let code = try GS1ElementString(bracketed: "(01)06901234567892(21)S1(17)271231(10)L1(22)V2")
        #expect(try code.digitalLink(domain: "https://brand.example.cn/") ==
            "https://brand.example.cn/01/06901234567892/22/V2/10/L1/21/S1?17=271231")
    }

    @Test("SSCC and GLN are keys; (254) qualifies a GLN")
    func buildsOtherKeys() throws {
        #expect(try GS1ElementString(bracketed: "(414)6901234000016(254)LINE1").digitalLink() ==
            "https://id.gs1.org/414/6901234000016/254/LINE1")
        #expect(try GS1ElementString(bracketed: "(00)106141411234567897").digitalLink() ==
            "https://id.gs1.org/00/106141411234567897")
    }

    @Test("A path prefix may itself look like a key: the key nearest the end wins")
    func parsesKeyLikePrefix() throws {
        let code = try GS1ElementString(digitalLink: "https://trace.example.cn/shop/01/x/01/06901234567892/10/L%2F1")
        #expect(code.bracketed == "(01)06901234567892(10)L/1")
    }

    @Test("Parsing accepts a prefix and ignores non-AI query parameters")
    func parsesPrefixAndIgnoresOptions() throws {
        let code = try GS1ElementString(digitalLink: "http://trace.example.cn/a/01/06901234567892/10/L1?linkType=gs1:pip&17=271231#top")
        #expect(code.bracketed == "(01)06901234567892(10)L1(17)271231")
    }

    @Test("Qualifiers out of order are refused")
    func refusesBadOrder() {
        let error = #expect(throws: TraceCodeError.self) {
            try GS1ElementString(digitalLink: "https://id.gs1.org/01/06901234567892/21/A0001/10/B1")
        }
        #expect(error?.description.contains("out of order") == true)
    }

    @Test("A 13-digit GTIN in the path is refused")
    func refusesGTIN13() {
        let error = #expect(throws: TraceCodeError.self) { try GS1ElementString(digitalLink: "https://id.gs1.org/01/6901234567892") }
        #expect(error?.rule == .wrongLength(found: 13, expected: [14]))
    }

    @Test("URIs without a key, with a foreign qualifier, a qualifier in the query or a bad escape are refused", arguments: [
        "https://id.gs1.org/10/L1", "ftp://id.gs1.org/01/06901234567892", "https://id.gs1.org/01/06901234567892/254/X",
        "https://id.gs1.org/01/06901234567892?21=A", "https://id.gs1.org/01/06901234567892/21/A%2", "https://id.gs1.org/01/06901234567892?8200=x",
        "https:///01/06901234567892/01/06901234567892",
    ])
    func refusesBadURIs(_ uri: String) {
        #expect(throws: TraceCodeError.self) { try GS1ElementString(digitalLink: uri) }
    }

    @Test("Building needs exactly one key and a usable domain")
    func buildingNeedsKeyAndDomain() throws {
        let code = try GS1ElementString(bracketed: "(01)06901234567892")
        #expect(throws: TraceCodeError.self) { try code.digitalLink(domain: "id.gs1.org") }
        #expect(throws: TraceCodeError.self) { try code.digitalLink(domain: "https://id.gs1.org?x=1") }
        let twoKeys = try GS1ElementString(bracketed: "(01)06901234567892(414)6901234000016")
        #expect(throws: TraceCodeError.self) { try twoKeys.digitalLink() }
    }
}
