import Foundation
import Testing

@Suite("tracestation codes")
struct CodesCommandTests {
    @Test("generate prints the asked number of distinct Digital Link codes, one per line, that validate")
    func generateDigitalLinks() throws {
        let result = try CommandRunner.run("codes", "generate", "--gtin", "06901234567892", "--lot", "B20250301", "--date", "250301", "--count", "25")
        #expect(result.status == 0)
        #expect(result.lines.count == 25)
        #expect(Set(result.lines).count == 25)
        for line in result.lines {
            #expect(line.hasPrefix("https://id.gs1.org/01/06901234567892/10/B20250301/21/"))
            #expect(line.hasSuffix("?11=250301"))
        }
        let validation = try CommandRunner.run(["codes", "validate"] + result.lines)
        #expect(validation.status == 0)
        #expect(validation.lines == Array(repeating: "ok", count: 25))
    }

    @Test("generate honours --serial-length, --form and --domain")
    func generateForms() throws {
        let hri = try CommandRunner.run("codes", "generate", "--gtin", "6901234567892", "--lot", "L1", "--count", "3", "--serial-length", "20", "--form", "hri")
        #expect(hri.status == 0)
        for line in hri.lines {
            #expect(line.hasPrefix("(01)06901234567892(10)L1(21)"))
            #expect(line.count == "(01)06901234567892(10)L1(21)".count + 20)
        }
        let element = try CommandRunner.run("codes", "generate", "--gtin", "06901234567892", "--lot", "L1", "--count", "2", "--form", "element")
        for line in element.lines {
            #expect(line.hasPrefix("010690123456789210L1\u{1D}21"))
        }
        let domain = try CommandRunner.run("codes", "generate", "--gtin", "06901234567892", "--lot", "L1", "--count", "1", "--domain", "https://trace.example.cn/p")
        #expect(domain.lines.first?.hasPrefix("https://trace.example.cn/p/01/06901234567892/10/L1/21/") == true)
    }

    @Test("generate refuses a bad GTIN, a bad lot and a serial length outside 6–20, naming the rule")
    func generateBadInput() throws {
        let gtin = try CommandRunner.run("codes", "generate", "--gtin", "06901234567893", "--lot", "L1", "--count", "1")
        #expect(gtin.status != 0)
        #expect(gtin.stderr.contains("check digit"))
        #expect(gtin.stdout.isEmpty)
        let lot = try CommandRunner.run("codes", "generate", "--gtin", "06901234567892", "--lot", "A B", "--count", "1")
        #expect(lot.status != 0)
        #expect(lot.stderr.contains("CSET 82"))
        let length = try CommandRunner.run("codes", "generate", "--gtin", "06901234567892", "--lot", "L1", "--count", "1", "--serial-length", "21")
        #expect(length.status != 0)
        #expect(length.stderr.contains("21"))
    }

    @Test("validate answers ok or invalid per value, in order, and exits 1 if any is invalid")
    func validateMixed() throws {
        let result = try CommandRunner.run("codes", "validate",
            "(01)06901234567892(11)250301(10)B20250301(21)A0001",
            "(01)06901234567893(21)A1",
            "(21)A 001",
            "https://id.gs1.org/01/06901234567892/10/B20250301/21/A0001?11=250301",
            "(01)06901234567892(11)250231")
        #expect(result.status == 1)
        #expect(result.lines.count == 5)
        #expect(result.lines[0] == "ok")
        #expect(result.lines[1].hasPrefix("invalid: ") && result.lines[1].contains("check digit"))
        #expect(result.lines[2].hasPrefix("invalid: "))
        #expect(result.lines[3] == "ok")
        #expect(result.lines[4].hasPrefix("invalid: "))
    }

    @Test("validate checks the other schemes: USCC, licence and CCC numbers")
    func validateSchemes() throws {
        let uscc = try CommandRunner.run("codes", "validate", "--scheme", "uscc", "91350100M000100Y43", "91350100M000100Y44")
        #expect(uscc.lines.first == "ok")
        #expect(uscc.lines.last?.hasPrefix("invalid: ") == true)
        #expect(uscc.status == 1)
        let licence = try CommandRunner.run("codes", "validate", "--scheme", "licence", "XK08-001-04763", "(鄂)XK12-001-00018")
        #expect(licence.status == 0)
        #expect(licence.lines == ["ok", "ok"])
        let ccc = try CommandRunner.run("codes", "validate", "--scheme", "ccc", "2024010201234567", "20240102012345")
        #expect(ccc.lines.first == "ok")
        #expect(ccc.lines.last?.hasPrefix("invalid: ") == true)
    }
}
