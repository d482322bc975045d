import Imaging
import Testing
@testable import Symbology

@Suite("Symbol")
struct SymbolTests {
    @Test("each symbology renders through the single entry point", arguments: SymbologyKind.allCases)
    func rendersEveryKind(_ kind: SymbologyKind) throws {
        let text = kind == .upca ? "03600029145" : "400638133393"
        let bitmap = try Symbol.render(kind, text: text)
        #expect(bitmap.bits.contains { $0 != 0 })
        #expect(SymbologyKind(rawValue: kind.rawValue) == kind)
    }

    @Test("the entry point passes the QR options on")
    func qrOptions() throws {
        let options = RenderOptions(moduleSize: 1, qr: QROptions(errorCorrection: .h, minimumVersion: 5))
        let bitmap = try Symbol.render(.qr, text: "追溯码 0001", options: options)
        #expect(bitmap.width == 17 + 4 * 5 + 8)
        #expect(bitmap == (try QRCode.matrix(for: Array("追溯码 0001".utf8), options: options.qr).bitmap(moduleSize: 1)))
    }

    @Test("empty data is refused for every symbology", arguments: SymbologyKind.allCases)
    func empty(_ kind: SymbologyKind) {
        #expect(throws: SymbologyError.emptyData(symbology: kind)) { try Symbol.render(kind, text: "") }
    }

    @Test("the command-line names are the documented ones")
    func names() {
        #expect(SymbologyKind.allCases.map(\.rawValue) == ["qr", "code128", "gs1-128", "ean13", "upca", "gs1-qr"])
    }
}
