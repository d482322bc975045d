import Foundation
import Imaging
import Symbology
import Testing
import Verification

@Suite("Verdicts on label images")
struct VerifierTests {
    private let link = "https://id.example.com/01/06901234567892/21/A1B2C3"

    @Test("a label reading as the expected code passes, and the same code again is a duplicate")
    func passAndDuplicate() {
        var verifier = Verifier(expected: [link])
        let image = LabelDegradation.label(.qr, link, moduleSize: 3)
        #expect(verifier.verify(image, name: "a").status == .pass)
        let again = verifier.verify(image, name: "b")
        #expect(again.status == .duplicate)
        #expect(again.read == link)
    }

    @Test("a label reading as another code is wrong, with the code it read")
    func wrong() {
        var verifier = Verifier(expected: [link])
        let result = verifier.verify(LabelDegradation.label(.qr, "TS-OTHER", moduleSize: 3), name: "a")
        #expect(result.status == .wrong)
        #expect(result.read == "TS-OTHER")
    }

    @Test(
        "an EAN-13 read with its add-on passes against the 13-digit GTIN and against the full number",
        .enabled(if: FixtureSample.folderExists, "the decode fixtures are not beside the repository")
    )
    func addOnMatchesMainNumber() throws {
        let url = FixtureSample.folder.appendingPathComponent("ean13-extension-1/1.png")
        let image = try ImageFile.read(path: url.path)
        var byGTIN = Verifier(expected: ["9780735200449"])
        let main = byGTIN.verify(image, name: "gtin")
        #expect(main.status == .pass)
        #expect(main.read == "978073520044951299")
        #expect(main.expected == "9780735200449")
        var byFullNumber = Verifier(expected: ["978073520044951299"])
        #expect(byFullNumber.verify(image, name: "full").status == .pass)
        var other = Verifier(expected: ["9780735200440"])
        #expect(other.verify(image, name: "other").status != .pass)
    }

    @Test("an image without a symbol is unreadable; a file that is no image is an error")
    func unreadableAndError() throws {
        var verifier = Verifier(expected: [link])
        #expect(verifier.verify(GrayImage(width: 200, height: 200, fill: 240), name: "blank").status == .unreadable)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verifier-\(UUID().uuidString).png").path
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = verifier.verify(file: path)
        #expect(result.status == .error)
        #expect(result.error?.contains("not a PNG") == true)
    }

    @Test("GS1 data matches in bracketed form and UPC-A matches as 12 digits")
    func normalisedMatching() {
        var verifier = Verifier(expected: ["(01)06901234567892(10)LOT42(21)SN0001", "036000291452"])
        let gs1 = LabelDegradation.label(.gs1QR, "(01)06901234567892(10)LOT42(21)SN0001", moduleSize: 4)
        let upc = LabelDegradation.label(.upca, "03600029145", moduleSize: 3)
        let first = verifier.verify(gs1, name: "gs1")
        #expect(first.status == .pass)
        #expect(first.expected == "(01)06901234567892(10)LOT42(21)SN0001")
        #expect(verifier.verify(upc, name: "upc").status == .pass)
    }

    @Test("results are JSON lines with the documented keys")
    func json() throws {
        var verifier = Verifier(expected: [link])
        let result = verifier.verify(LabelDegradation.label(.qr, link, moduleSize: 3), name: "label.png")
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any]
        #expect(object?["status"] as? String == "pass")
        #expect(object?["symbology"] as? String == "qr")
        #expect(object?["file"] as? String == "label.png")
    }
}

@Suite("Matching GS1 codes by content")
struct GS1ContentMatchingTests {
    @Test("a Digital Link QR matches an expected element string with its elements in another order, on any domain")
    func digitalLinkMatchesElementString() {
        var verifier = Verifier(expected: ["(01)06901234567892(11)250301(10)B1(21)SER1"])
        let label = LabelDegradation.label(.qr, "https://id.example.com/01/06901234567892/10/B1/21/SER1?11=250301", moduleSize: 3)
        #expect(verifier.verify(label, name: "a").status == .pass)
        var other = Verifier(options: RegisterVerifierTests.options, expected: ["(01)06901234567892(11)250302(10)B1(21)SER1"])
        #expect(other.verify(label, name: "b").status == .wrong)
    }
}
