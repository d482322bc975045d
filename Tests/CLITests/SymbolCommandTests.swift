import Foundation
import Testing

@Suite("tracestation encode and decode")
struct SymbolCommandTests {
    @Test("Every symbology written by encode is read back by decode exactly", arguments: [
        ("qr", "https://id.gs1.org/01/06901234567892/21/A0001"),
        ("qr", "产品名称：电线电缆 BV 2.5mm²"),
        ("code128", "RI476394652CH"),
        ("gs1-128", "0106901234567892112503011020250301\u{1D}21A0001"),
        ("gs1-qr", "0106901234567892112503011020250301\u{1D}21A0001"),
        ("ean13", "6901234567892"),
    ])
    func roundTrip(symbology: String, data: String) throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = "\(folder)/label.png"
        let encode = try CommandRunner.run("encode", "--symbology", symbology, "--data", data, "--out", file, "--module", "3")
        #expect(encode.status == 0, "\(encode.stderr)")
        let decode = try CommandRunner.run("decode", file)
        #expect(decode.status == 0, "\(decode.stderr)")
        #expect(decode.lines == [data])
    }

    @Test("decode --json gives file, text, symbology, bytes_hex, position and ms for each symbol")
    func decodeJSON() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = "\(folder)/label.png"
        let text = "批号 L2025\n第二行"
        _ = try CommandRunner.run("encode", "--symbology", "qr", "--data", text, "--out", file)
        let result = try CommandRunner.run("decode", "--json", file)
        #expect(result.status == 0)
        #expect(result.lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.lines[0].utf8)) as? [String: Any])
        #expect(object["file"] as? String == file)
        #expect(object["text"] as? String == text)
        #expect(object["symbology"] as? String == "qr")
        #expect(object["bytes_hex"] as? String == Array(text.utf8).map { String(format: "%02x", $0) }.joined())
        #expect(object["position"] is [Any])
        #expect(object["ms"] is Double)
    }

    @Test("encode refuses letters in an EAN and an over-long QR payload, naming the rule, and writes nothing")
    func encodeBadInput() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ean = try CommandRunner.run("encode", "--symbology", "ean13", "--data", "69012345678A", "--out", "\(folder)/ean.png")
        #expect(ean.status != 0)
        #expect(ean.stderr.contains("'A'"))
        let long = try CommandRunner.run("encode", "--symbology", "qr", "--data", String(repeating: "x", count: 3000), "--ec", "H", "--out", "\(folder)/qr.png")
        #expect(long.status != 0)
        #expect(long.stderr.contains("3000"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("decode exits 1 for an image without a symbol and for a non-image, after reading every file")
    func decodeFailures() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = "\(folder)/good.png", text = "\(folder)/notes.png", empty = "\(folder)/empty.png"
        _ = try CommandRunner.run("encode", "--symbology", "qr", "--data", "HELLO", "--out", good)
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: text))
        try Data().write(to: URL(fileURLWithPath: empty))
        let result = try CommandRunner.run("decode", text, empty, good)
        #expect(result.status == 1)
        #expect(result.lines == ["HELLO"])
        #expect(result.stderr.contains(text))
        #expect(result.stderr.contains(empty))
    }

    @Test("demo prints, verifies, recovers from a paper out and an unreadable label, and reconciles")
    func demo() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandRunner.run("demo", "--out", folder, "--count", "3")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Printed 4 labels"), "\(result.stdout)")
        #expect(result.stdout.contains("3 verified pass, 1 failed and voided, 0 unconfirmed"))
        #expect(result.stdout.contains("Paper ran out at label 1") && result.stdout.contains("the line resumed where it stopped"))
        #expect(result.stdout.contains("reprinted as https://"))
        #expect(result.stdout.contains("Balanced."))
        #expect(result.stdout.contains("All checks passed"))
        let labels = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/labels").filter { $0.hasSuffix(".png") }
        #expect(labels.count == 4)
        for file in ["reconciliation.html", "reconciliation.csv", "reconciliation.json", "epcis.jsonld", "ledger.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(file)"), "\(file)")
        }
        let json = try String(contentsOfFile: "\(folder)/reconciliation.json", encoding: .utf8)
        #expect(json.contains("\"verified_pass\":3") && json.contains("\"voided\":1") && json.contains("\"balanced\":true"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(folder)/symbols").filter { $0.hasSuffix(".png") }.count == 5)
    }

    @Test("demo refuses a count it cannot print, saying which")
    func demoBadCount() throws {
        let result = try CommandRunner.run("demo", "--count", "0")
        #expect(result.status != 0)
        #expect(result.stderr.contains("--count must be 1–100000 (got 0)"))
    }
}

@Suite("tracestation decode and EAN add-ons")
struct AddOnCommandTests {
    /// A book's EAN-13 with a 5-digit add-on, from the decode fixtures beside the repository.
    static let bookPhoto = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/decode/ean13-extension-1/1.png").path

    @Test(
        "decode appends a confirmed add-on by default; --no-add-ons gives the main number",
        .enabled(if: FileManager.default.fileExists(atPath: bookPhoto), "the decode fixtures are not beside the repository")
    )
    func addOnFlags() throws {
        #expect(try CommandRunner.run("decode", Self.bookPhoto).lines == ["978073520044951299"])
        #expect(try CommandRunner.run("decode", "--add-ons", Self.bookPhoto).lines == ["978073520044951299"])
        #expect(try CommandRunner.run("decode", "--no-add-ons", Self.bookPhoto).lines == ["9780735200449"])
        #expect(try CommandRunner.run("decode", "--add-ons", "--no-add-ons", Self.bookPhoto).status != 0)
    }

    @Test(
        "decode and verify take the expected add-on as a value: 1 reads it, 0 ignores it, anything else is refused",
        .enabled(if: FileManager.default.fileExists(atPath: bookPhoto), "the decode fixtures are not beside the repository")
    )
    func expectAddOn() throws {
        #expect(try CommandRunner.run("decode", "--expect-add-on", "1", Self.bookPhoto).lines == ["978073520044951299"])
        #expect(try CommandRunner.run("decode", "--expect-add-on", "0", Self.bookPhoto).lines == ["9780735200449"])
        #expect(try CommandRunner.run("decode", "--expect-add-on", "2", Self.bookPhoto).status != 0)
        #expect(try CommandRunner.run("decode", "--expect-add-on", "1", "--add-ons", Self.bookPhoto).status != 0)
        let verify = try CommandRunner.run("verify", "--expect-add-on", "1", "--expect", "978073520044951299", Self.bookPhoto)
        #expect(verify.status == 0)
    }
}
