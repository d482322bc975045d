import Imaging
import Testing
import Verification
import VirtualPrinter

@Suite("Rendering the ZPL fixtures", .enabled(if: ZPLFixture.folderExists, "the ZPL fixtures are not beside the repository (../shared/fixtures/zpl)"))
struct FixtureRenderTests {
    static func renderer() -> FormatRenderer? { try? FormatRenderer(defaultSize: (813, 1626), fonts: .installed()) }

    @Test("Each fixture's barcodes decode to the manifest's content", arguments: ZPLFixture.all().filter { !$0.expected.isEmpty })
    func decodes(_ fixture: ZPLFixture) throws {
        let renderer = try #require(Self.renderer())
        let label = try #require(try fixture.render(renderer: renderer))
        let found = try Self.decode(label.bitmap)
        let expected = fixture.expected.filter { Self.supported.contains($0.symbology) }.map { Self.comparable($0.text) }
        for text in Set(expected) {
            let wanted = expected.filter { $0 == text }.count
            #expect(found[text, default: 0] >= wanted, "\(fixture): expected \(text) \(wanted) times, read \(found)")
        }
    }

    /// How often each text is read on the label: once for a read of the whole label, and once
    /// per separate group of ink that reads alone.
    ///
    /// Each symbol needs its own look because the decoder's misread guard drops linear reads
    /// that overlap a read of other data, and zbar reports symbols of the same data on one
    /// label as a single read spanning all of them: on `ean13`'s grid of twelve, that span
    /// covers the neighbouring rows, and Labelary's own render loses two of the four values.
    static func decode(_ bitmap: Bitmap) throws -> [String: Int] {
        let symbologies: Set<BarcodeSymbology> = [.qr, .code128, .gs1128, .ean13, .upcA, .code39]
        let whole = BarcodeDecoder.Options(symbologies: symbologies, tryInverted: true, timeBudget: .seconds(10))
        // On paper the size of the references' canvas, as a format's ^PW and ^LL may make the
        // label smaller: qr_code_ft_manual's QR touches two ^GB lines and, like Labelary's,
        // reads on the 813 × 1626 page but not on its own 799 × 480 label.
        var page = Bitmap(width: max(813, bitmap.width), height: max(1626, bitmap.height))
        page.draw(bitmap, x: 0, y: 0)
        let wholeReads = Set(try BarcodeDecoder(options: whole).decode(page.grayImage()).map { comparable($0.text) })
        var found: [String: Int] = [:]
        // An 8-dot cell keeps a 2-dot module's widest EAN/Code 128 space (4 modules) in one
        // group, and ean13's symbols still leave a blank row of cells between them.
        let groups = InkGroups(bitmap, cell: 8)
        let alone = BarcodeDecoder.Options(symbologies: symbologies, tryInverted: true, timeBudget: .zero)
        for group in 0..<groups.count {
            let image = groups.image(of: group, in: bitmap, margin: 20)
            // A lone letter is no barcode; ean13's symbols only 10 dots high still pass.
            guard max(image.width, image.height) > 100 else { continue }
            for symbol in try BarcodeDecoder(options: alone).decode(image) {
                found[comparable(symbol.text), default: 0] += 1
            }
        }
        for text in wholeReads where found[text] == nil { found[text] = 1 }
        return found
    }

    @Test("Each fixture's render differs from the Labelary reference by no more than its tolerance", arguments: ZPLFixture.all().filter { $0.labelary != nil })
    func pixelDifference(_ fixture: ZPLFixture) throws {
        let renderer = try #require(Self.renderer())
        let label = try #require(try fixture.render(renderer: renderer))
        let reference = try #require(try fixture.reference())
        let image = label.bitmap
        var differing = 0
        for y in 0..<reference.height {
            for x in 0..<reference.width {
                let ink = x < image.width && y < image.height && image[x, y]
                if ink != (reference.pixels[y * reference.width + x] < 128) { differing += 1 }
            }
        }
        let percent = Double(differing) * 100 / Double(reference.width * reference.height)
        print("xor \(fixture.id): \((percent * 100).rounded() / 100) % (tolerance \(fixture.tolerance) %)")
        #expect(percent <= fixture.tolerance, "\(fixture): \(percent) % of pixels differ")
    }

    /// DataMatrix (`^BX`) is not drawn by the virtual printer.
    static let supported: Set<String> = ["Code128", "EAN13", "QRCode", "Code39"]

    /// GS1 text without the brackets around application identifiers and without GS.
    static func comparable(_ text: String) -> String {
        String(text.filter { $0 != "(" && $0 != ")" && $0 != "\u{1D}" })
    }
}
