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
        let found = try Self.decode(label.bitmap.grayImage(), tiles: fixture.expected.count > 3)
        let check = {
            for expected in fixture.expected where Self.supported.contains(expected.symbology) {
                #expect(found.contains(Self.comparable(expected.text)), "\(fixture): expected \(expected.text), read \(found)")
            }
        }
        if fixture.id == "ean13" {
            // Every EAN-13 reads when cropped alone (checked with zbarimg), but BarcodeDecoder
            // finds only two of the four values on the label of twelve.
            #expect(found.count >= 2)
            withKnownIssue { check() }
        } else if fixture.id == "qr_code_ft_manual" {
            // Labelary puts a QR Code placed by ^FT 70 dots higher than its bottom-left at the
            // ^FT point; the rule behind it is not known, so the symbol is cut by ^LL here.
            withKnownIssue { check() }
        } else {
            check()
        }
    }

    /// Everything zbar reads on the label, looking at the whole label and, when the label has
    /// several symbols, at overlapping tiles: zbar misses some of several EAN-13 symbols side
    /// by side when it sees them all at once.
    static func decode(_ image: GrayImage, tiles: Bool) throws -> Set<String> {
        let symbologies: Set<BarcodeSymbology> = [.qr, .code128, .gs1128, .ean13, .upcA, .code39]
        let whole = BarcodeDecoder.Options(symbologies: symbologies, tryInverted: true, timeBudget: .seconds(10))
        var found = Set(try BarcodeDecoder(options: whole).decode(image).map { comparable($0.text) })
        guard tiles else { return found }
        let decoder = try BarcodeDecoder(options: BarcodeDecoder.Options(symbologies: symbologies, timeBudget: .seconds(1)))
        for top in stride(from: 0, to: image.height - 100, by: 150) {
            for left in stride(from: 0, to: image.width - 100, by: 125) {
                let (width, height) = (min(300, image.width - left), min(450, image.height - top))
                var pixels: [UInt8] = []
                pixels.reserveCapacity(width * height)
                for row in top..<(top + height) {
                    pixels += image.pixels[(row * image.width + left)..<(row * image.width + left + width)]
                }
                found.formUnion(try decoder.decode(GrayImage(width: width, height: height, pixels: pixels)).map { comparable($0.text) })
            }
        }
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
