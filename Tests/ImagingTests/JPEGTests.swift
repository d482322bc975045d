import Foundation
import Testing
@testable import Imaging

private func resource(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: "Resources/\(name)", withExtension: nil))
    return [UInt8](try Data(contentsOf: url))
}

@Suite("JPEG")
struct JPEGTests {
    @Test("Gray and colour JPEGs decode to gray with the dark square where it was drawn", arguments: ["square-gray.jpg", "square-rgb.jpg"])
    func decodesSquare(name: String) throws {
        let image = try ImageFile.decode(try resource(name), source: name)
        #expect(image.width == 64 && image.height == 48)
        // The square covers x 16…47, y 8…39; JPEG is lossy, so compare well inside and outside.
        #expect(image[30, 20] < 40)
        #expect(image[4, 4] > 215)
        #expect(image[60, 44] > 215)
    }

    @Test("A truncated JPEG is an error naming the truncation, not a picture with gray rows")
    func truncatedJPEG() throws {
        let jpeg = try resource("square-rgb.jpg")
        for length in stride(from: 3, to: jpeg.count - 2, by: 7) {
            #expect(throws: ImagingError.self) { try JPEG.decode(Array(jpeg.prefix(length))) }
        }
    }

    @Test("A JPEG over the pixel limit is refused after reading its header only")
    func limit() throws {
        let tight = ImageLimits(maxPixels: 1000, maxDimension: 1000, maxFileBytes: 1 << 20)
        #expect(throws: ImagingError.tooLarge(source: "frame", width: 64, height: 48, limits: tight)) {
            try JPEG.decode(try resource("square-gray.jpg"), limits: tight, source: "frame")
        }
    }
}
