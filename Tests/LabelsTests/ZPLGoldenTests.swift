import Foundation
import Testing
@testable import Labels

/// The ZPL of every shipped template on every shipped printer, byte for byte.
///
/// The golden files were reviewed by eye when written. After a deliberate change, rewrite them
/// with `LABELS_UPDATE_GOLDEN=1 swift test --filter ZPLGoldenTests` and review the diff.
@Suite("ZPL golden files")
struct ZPLGoldenTests {
    @Test("Every template on every printer gives the ZPL in its golden file", arguments: Shipped.pairs)
    func golden(template: String, device: String) throws {
        let renderer = try Shipped.renderer(template, device)
        let zpl = try renderer.zpl(renderer.template.sample).text
        let file = Shipped.packageRoot.appendingPathComponent("Tests/LabelsTests/Golden/\(template)@\(device).zpl")
        if ProcessInfo.processInfo.environment["LABELS_UPDATE_GOLDEN"] != nil {
            try Data(zpl.utf8).write(to: file)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(zpl == golden)
    }

    @Test("A format starts ^XA^CI28^PW…^LL…^LH0,0 and ends ^PQ1^XZ, with no ^SN", arguments: Shipped.pairs)
    func frame(template: String, device: String) throws {
        let renderer = try Shipped.renderer(template, device)
        let zpl = try renderer.zpl(renderer.template.sample).text
        let layout = try renderer.layout(renderer.template.sample)
        #expect(zpl.hasPrefix("^XA^CI28^PW\(layout.width)^LL\(layout.height)^LH0,0"))
        #expect(zpl.hasSuffix("^PQ1^XZ"))
        #expect(!zpl.contains("^SN"))
    }

    @Test("Native mode uses the printer's QR and fonts; bitmap mode sends one graphic")
    func modes() throws {
        let native = try Shipped.renderer("product-60x40", "zebra-zt411-203")
        let nativeZPL = try native.zpl(native.template.sample).text
        #expect(nativeZPL.contains("^BQN,2,4"))
        #expect(nativeZPL.contains("^A@N,"))
        #expect(nativeZPL.contains("E:SIMSUN.TTF"))
        let noFont = try Shipped.renderer("product-60x40", "zebra-zd421-203")
        let noFontZPL = try noFont.zpl(noFont.template.sample).text
        #expect(!noFontZPL.contains("^A@"))
        #expect(noFontZPL.contains("^BQN,2,4"))
        let bitmap = try Shipped.renderer("product-60x40", "virtual-203")
        let bitmapZPL = try bitmap.zpl(bitmap.template.sample).text
        #expect(bitmapZPL.components(separatedBy: "^GFA,").count == 2)
        #expect(bitmapZPL.contains(":Z64:"))
        let carton = try Shipped.renderer("carton-100x60", "zebra-zt411-300")
        #expect(try carton.zpl(carton.template.sample).text.contains("^BCN,"))
    }
}
