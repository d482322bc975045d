import Imaging
import Symbology
import Testing
import Verification

@Suite("Further attempts and the region of interest")
struct RetryTests {
    @Test("a UPC-A of one dot a module, missed by the plain pass, is read when the time budget allows further attempts")
    func tinyModules() throws {
        let image = Self.label(.upca, "03600029145", moduleSize: 1, at: (20, 20))
        let single = BarcodeDecoder.Options(symbologies: [.upcA], timeBudget: .zero)
        #expect(try BarcodeDecoder(options: single).decode(image).isEmpty)
        // Generous: a debug build runs the enhancements many times slower than a release build.
        let retried = BarcodeDecoder.Options(symbologies: [.upcA], timeBudget: .seconds(10))
        #expect(try BarcodeDecoder(options: retried).decode(image).map(\.text) == ["0036000291452"])
    }

    @Test("only the region of interest is scanned, and positions are reported in the whole image")
    func regionOfInterest() throws {
        let image = Self.label(.qr, "TS-0001", moduleSize: 4, at: (200, 150))
        let inside = BarcodeDecoder.Region(x: 180, y: 130, width: 140, height: 140)
        let symbols = try BarcodeDecoder(options: .init(symbologies: [.qr], regionOfInterest: inside)).decode(image)
        #expect(symbols.map(\.text) == ["TS-0001"])
        let whole = try BarcodeDecoder(options: .init(symbologies: [.qr])).decode(image)
        #expect(symbols.map(\.position) == whole.map(\.position))

        let beside = BarcodeDecoder.Region(x: 0, y: 0, width: 180, height: 480)
        #expect(try BarcodeDecoder(options: .init(symbologies: [.qr], regionOfInterest: beside)).decode(image).isEmpty)
        let outside = BarcodeDecoder.Region(x: 700, y: 0, width: 10, height: 10)
        #expect(try BarcodeDecoder(options: .init(symbologies: [.qr], regionOfInterest: outside)).decode(image).isEmpty)
    }

    /// `text` rendered as `kind` on a light gray 640×480 ground, top-left corner at `origin`.
    private static func label(_ kind: SymbologyKind, _ text: String, moduleSize: Int, at origin: (x: Int, y: Int)) -> GrayImage {
        let symbol = try! Symbol.render(kind, text: text, options: RenderOptions(moduleSize: moduleSize)).grayImage()
        var image = GrayImage(width: 640, height: 480, fill: 230)
        for y in 0..<symbol.height {
            for x in 0..<symbol.width {
                image[origin.x + x, origin.y + y] = symbol[x, y]
            }
        }
        return image
    }
}
