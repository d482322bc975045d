import PropertyBased
import Testing
@testable import Imaging

@Suite("PNM")
struct PNMTests {
    @Test("Raw PGM and PBM written by the station read back exactly")
    func rawRoundTrip() async throws {
        await propertyCheck(count: 40, input: Gen.int(in: 1...50).array(of: 2)) { size throws in
            let image = GrayImage(width: size[0], height: size[1], pixels: (0..<size[0] * size[1]).map { _ in .random(in: 0...255) })
            #expect(try PNM.decode(PNM.encode(image)) == image)
            var bitmap = Bitmap(width: size[0], height: size[1])
            for y in 0..<size[1] { for x in 0..<size[0] { bitmap[x, y] = .random() } }
            #expect(try PNM.decode(PNM.encode(bitmap)) == bitmap.grayImage())
        }
    }

    @Test("Plain formats with comments, 16-bit samples and colour all decode")
    func plainAndWideFormats() throws {
        #expect(try PNM.decode(Array("P1\n# a comment\n3 1\n101".utf8)).pixels == [0, 255, 0])
        #expect(try PNM.decode(Array("P2 2 1 15\n0 15".utf8)).pixels == [0, 255])
        #expect(try PNM.decode(Array("P3 2 1 255 0 0 0 255 255 255".utf8)).pixels == [0, 255])
        #expect(try PNM.decode(Array("P5 2 1 65535\n".utf8) + [0, 0, 255, 255]).pixels == [0, 255])
        #expect(try PNM.decode(Array("P6 1 1 255\n".utf8) + [255, 0, 0]).pixels == [76])
    }

    @Test("Concatenated frames are split where each ends")
    func frames() throws {
        let first = PNM.encode(GrayImage(width: 3, height: 2, fill: 10))
        let second = PNM.encode(GrayImage(width: 2, height: 2, fill: 200))
        let (image, used) = try PNM.decodeFrame(first + second)
        #expect(image.pixels == [UInt8](repeating: 10, count: 6))
        #expect(used == first.count)
        #expect(try PNM.decode(Array((first + second)[used...])).pixels == [UInt8](repeating: 200, count: 4))
    }

    @Test("Short, malformed and oversized PNM headers are refused with the rule named")
    func badInput() {
        #expect(throws: ImagingError.self) { try PNM.decode(Array("P5 4 4 255\n".utf8) + [1, 2, 3]) }
        #expect(throws: ImagingError.self) { try PNM.decode(Array("P2 2 1 15 0 16".utf8)) }
        #expect(throws: ImagingError.self) { try PNM.decode(Array("P5 x 1 255\n".utf8)) }
        #expect(throws: ImagingError.self) { try PNM.decode(Array("P5 9999999999 1 255\n".utf8)) }
        #expect(throws: ImagingError.tooLarge(source: "PNM data", width: 50_000, height: 50_000, limits: .default)) {
            try PNM.decode(Array("P5 50000 50000 255\n".utf8))
        }
    }

    @Test("Random bytes behind a PNM signature give an error or an image, never a crash")
    func garbage() async {
        await propertyCheck(count: 200, input: Gen<UInt8>.value(in: 0...255).array(of: 0...64), Gen.int(in: 1...6)) { tail, kind in
            _ = try? PNM.decode(Array("P\(kind)".utf8) + tail)
        }
    }
}
