import Foundation
import Testing

@Suite("tracestation label and template")
struct LabelCommandTests {
    @Test("label render writes the PNG and the ZPL; --set of an unused key warns naming the used keys")
    func render() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandRunner.run(
            "label", "render", "--template", "part-30x20", "--device", "virtual-203", "--sample",
            "--set", "code.serial=B0002", "--set", "batch.lot=L1", "--png", "\(folder)/l.png", "--zpl", "\(folder)/l.zpl")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("--set batch.lot"))
        #expect(result.stderr.contains("it uses code.payload, code.serial"))
        let zpl = try String(contentsOfFile: "\(folder)/l.zpl", encoding: .utf8)
        #expect(zpl.hasPrefix("^XA^CI28^PW240^LL160^LH0,0"))
        let decode = try CommandRunner.run("decode", "\(folder)/l.png")
        #expect(decode.lines == ["https://id.gs1.org/01/06901234567892/21/A0001"])
    }

    @Test("label render without values names the missing key; template lint passes shipped templates")
    func missingAndLint() throws {
        let missing = try CommandRunner.run("label", "render", "--template", "part-30x20", "--device", "virtual-203")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("part-30x20.yaml:"))
        #expect(missing.stderr.contains("no value for {{code.payload}}"))
        let lint = try CommandRunner.run("template", "lint", "product-60x40", "--device", "zebra-zt411-203")
        #expect(lint.status == 0, "\(lint.stdout)")
    }
}
