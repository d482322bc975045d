import Testing
@testable import TraceCodes

@Suite("GS1 symbol data with GS separators")
struct GS1SymbolDataTests {
    private let example = "(01)06901234567892(11)250301(10)B20250301(21)A0001"

    @Test("Symbol data puts GS only after variable-length elements that are not last")
    func formatsSymbolData() throws {
        let code = try GS1ElementString(bracketed: example)
        #expect(code.symbolData() == "010690123456789211250301" + "10B20250301\u{1D}21A0001")
        #expect(code.symbolData(fnc1: "<FNC1>") == "01069012345678921125030110B20250301<FNC1>21A0001")
    }

    @Test("Scanned data with a ]Q3 symbology identifier parses as in the syntax engine")
    func parsesScanData() throws {
        let scanned = "]Q3010690123456789211250301" + "10B20250301\u{1D}21A0001"
        #expect(try GS1ElementString(symbolData: scanned) == GS1ElementString(bracketed: example))
    }

    @Test("GS1 symbology identifiers and a leading GS are accepted", arguments: ["]C1", "]d2", "]Q3", "]e0", "]J1", "\u{1D}", "]d2\u{1D}", ""])
    func acceptsPrefixes(_ prefix: String) throws {
        let code = try GS1ElementString(symbolData: prefix + "0106901234567892" + "10ABC\u{1D}21X")
        #expect(code.bracketed == "(01)06901234567892(10)ABC(21)X")
    }

    @Test("A plain QR identifier is refused as GS1 data")
    func refusesPlainQR() {
        let error = #expect(throws: TraceCodeError.self) { try GS1ElementString(symbolData: "]Q10106901234567892") }
        guard case .syntax = error?.rule else { Issue.record("expected a syntax error"); return }
    }

    @Test("A variable-length element runs to the next GS, so a missing GS merges values")
    func missingSeparatorMerges() throws {
        let code = try GS1ElementString(symbolData: "010690123456789210ABC21X")
        #expect(code[ai: "10"] == "ABC21X")
    }

    @Test("A GS after a predefined-length element is tolerated")
    func toleratesRedundantSeparator() throws {
        let code = try GS1ElementString(symbolData: "0106901234567892\u{1D}10ABC")
        #expect(code.elements.count == 2)
    }

    @Test("Truncated, trailing-GS and unknown-AI data are rejected", arguments: [
        "01069012345678", "0106901234567892\u{1D}", "0106901234567892" + "8200X", "0106901234567892" + "10A\u{1D}\u{1D}21B",
    ])
    func rejectsBadData(_ data: String) {
        #expect(throws: TraceCodeError.self) { try GS1ElementString(symbolData: data) }
    }

    @Test("The GS in an error message is shown as <GS>")
    func showsSeparatorInErrors() {
        let error = #expect(throws: TraceCodeError.self) { try GS1ElementString(symbolData: "0106901234567892\u{1D}") }
        #expect(error?.subject == "symbol data 0106901234567892<GS>")
    }
}
