import Foundation
import PropertyBased
import Testing
@testable import Imaging

private let bitmaps = Gen.int(in: 1...90).array(of: 2).map { size -> Bitmap in
    var generator = SystemRandomNumberGenerator()
    var bitmap = Bitmap(width: size[0], height: size[1])
    for y in 0..<bitmap.height { for x in 0..<bitmap.width { bitmap[x, y] = Bool.random(using: &generator) } }
    return bitmap
}

private let grayImages = Gen.int(in: 1...60).array(of: 2).map { size -> GrayImage in
    GrayImage(width: size[0], height: size[1], pixels: (0..<size[0] * size[1]).map { _ in UInt8.random(in: 0...255) })
}

@Suite("PNG")
struct PNGTests {
    @Test("A 1-bit bitmap survives PNG encode and decode pixel for pixel, at every compression level")
    func bitmapRoundTrip() async throws {
        await propertyCheck(count: 60, input: bitmaps, Gen.int(in: 0...9)) { bitmap, level in
            let png = try PNG.encode(bitmap, compressionLevel: level)
            #expect(ImageFile.format(of: png) == .png)
            #expect(try PNG.decode(png) == bitmap.grayImage())
        }
    }

    @Test("An 8-bit gray image survives PNG encode and decode exactly")
    func grayRoundTrip() async throws {
        await propertyCheck(count: 40, input: grayImages) { image in
            let png = try PNG.encode(image)
            #expect(try PNG.decode(png) == image)
        }
    }

    @Test("Label PNGs are written at bit depth 1, so a label stays small")
    func labelIsOneBit() throws {
        var bitmap = Bitmap(width: 40, height: 10)
        bitmap.fill(x: 0, y: 0, width: 20, height: 10)
        let png = try PNG.encode(bitmap)
        // IHDR data starts at byte 16: width, height (4 bytes each), then the bit depth.
        #expect(png[24] == 1)
        #expect(png[25] == 0, "colour type 0 is grayscale")
    }

    @Test("Gray PNGs of bit depth 1, 2 and 4 decode to the full 0–255 range", arguments: [1, 2, 4] as [UInt8])
    func lowBitDepths(bitDepth: UInt8) throws {
        let levels = 1 << Int(bitDepth)
        let width = levels
        // One row holding every level once, packed most-significant first.
        var row = [UInt8](repeating: 0, count: (width * Int(bitDepth) + 7) / 8)
        for level in 0..<levels {
            let bit = level * Int(bitDepth)
            row[bit / 8] |= UInt8(level << (8 - Int(bitDepth) - bit % 8))
        }
        let png = HandmadePNG.make(width: width, height: 1, bitDepth: bitDepth, colourType: 0, rows: [row])
        let image = try PNG.decode(png)
        #expect(image.pixels == (0..<levels).map { UInt8($0 * 255 / (levels - 1)) })
    }

    @Test("Colour, palette, 16-bit and alpha PNGs decode to gray that keeps dark dark and light light")
    func otherColourTypes() throws {
        let black: UInt8 = 0, white: UInt8 = 255
        let cases: [(String, [UInt8])] = [
            ("RGB 8", HandmadePNG.make(width: 2, height: 1, bitDepth: 8, colourType: 2, rows: [[black, black, black, white, white, white]])),
            ("RGB 16", HandmadePNG.make(width: 2, height: 1, bitDepth: 16, colourType: 2, rows: [[0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255]])),
            ("gray 16", HandmadePNG.make(width: 2, height: 1, bitDepth: 16, colourType: 0, rows: [[0, 0, 255, 255]])),
            ("palette", HandmadePNG.make(width: 2, height: 1, bitDepth: 8, colourType: 3, rows: [[0, 1]], palette: [0, 0, 0, 255, 255, 255])),
            ("gray + alpha", HandmadePNG.make(width: 2, height: 1, bitDepth: 8, colourType: 4, rows: [[0, 255, 255, 255]])),
            ("RGBA", HandmadePNG.make(width: 2, height: 1, bitDepth: 8, colourType: 6, rows: [[0, 0, 0, 255, 255, 255, 255, 255]])),
        ]
        for (name, png) in cases {
            let image = try PNG.decode(png)
            #expect(image.pixels == [0, 255], "\(name)")
        }
    }

    @Test("A transparent pixel is paper: it decodes as white whatever its colour")
    func transparencyIsWhite() throws {
        let png = HandmadePNG.make(width: 2, height: 1, bitDepth: 8, colourType: 4, rows: [[0, 0, 0, 255]])
        #expect(try PNG.decode(png).pixels == [255, 0])
    }

    @Test("A PNG header claiming 50,000 × 50,000 pixels is refused before any pixel memory is allocated")
    func decompressionBomb() throws {
        let bomb = HandmadePNG.headerOnly(width: 50_000, height: 50_000)
        #expect(bomb.count < 100)
        #expect(throws: ImagingError.tooLarge(source: "bomb.png", width: 50_000, height: 50_000, limits: .default)) {
            try ImageFile.decode(bomb, source: "bomb.png")
        }
        let tight = ImageLimits(maxPixels: 100, maxDimension: 100, maxFileBytes: 1 << 20)
        let small = try PNG.encode(Bitmap(width: 20, height: 20))
        #expect(throws: ImagingError.self) { try PNG.decode(small, limits: tight) }
    }

    @Test("Every truncation of a valid PNG is a clear error, never a crash or a partial image")
    func truncatedPNG() async throws {
        var bitmap = Bitmap(width: 64, height: 64)
        bitmap.fill(x: 8, y: 8, width: 30, height: 20)
        let png = try PNG.encode(bitmap, compressionLevel: 0)
        await propertyCheck(count: 80, input: Gen.int(in: 1...(png.count - 13))) { length in
            // The last 12 bytes are IEND, which libpng does not need to deliver the pixels.
            #expect(throws: ImagingError.self) { try PNG.decode(Array(png.prefix(length))) }
        }
    }

    @Test("Random bytes behind a PNG signature give an error or an image, never a crash")
    func garbageAfterSignature() async throws {
        await propertyCheck(count: 100, input: Gen<UInt8>.value(in: 0...255).array(of: 0...300)) { tail in
            _ = try? PNG.decode(PNG.signature + tail)
        }
    }

    @Test("An empty buffer is refused by name")
    func emptyPNG() {
        #expect(throws: ImagingError.empty(source: "x.png")) { try PNG.decode([], source: "x.png") }
        #expect(ImagingError.empty(source: "x.png").description.contains("x.png"))
    }

    @Test("Writing a zero-size bitmap is refused with the size named")
    func zeroSize() {
        #expect(throws: ImagingError.self) { try PNG.encode(Bitmap(width: 0, height: 5)) }
    }
}
