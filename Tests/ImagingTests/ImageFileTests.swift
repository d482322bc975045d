import Foundation
import Testing
@testable import Imaging

@Suite("Image files")
struct ImageFileTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("imaging-\(UUID().uuidString)-\(name)").path
    }

    @Test("A PNG written to disk reads back, and the format is found by content, not by name")
    func writeAndRead() throws {
        var bitmap = Bitmap(width: 33, height: 17)
        bitmap.fill(x: 3, y: 2, width: 10, height: 9)
        let path = temporaryPath("label.jpg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ImageFile.write(try PNG.encode(bitmap), to: path)
        #expect(try ImageFile.read(path: path) == bitmap.grayImage())
    }

    @Test("Zero-byte, non-image, missing and directory paths each give their own clear error")
    func badFiles() throws {
        let empty = temporaryPath("empty.png"), text = temporaryPath("notes.png")
        defer { for path in [empty, text] { try? FileManager.default.removeItem(atPath: path) } }
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        _ = FileManager.default.createFile(atPath: text, contents: Data("hello, world".utf8))
        #expect(throws: ImagingError.empty(source: empty)) { try ImageFile.read(path: empty) }
        #expect(throws: ImagingError.unknownFormat(source: text, leadingBytes: Array("hello, w".utf8))) { try ImageFile.read(path: text) }
        #expect(ImagingError.unknownFormat(source: text, leadingBytes: Array("hello, w".utf8)).description.contains("68 65 6c"))
        #expect(throws: ImagingError.self) { try ImageFile.read(path: temporaryPath("missing.png")) }
        #expect(throws: ImagingError.self) { try ImageFile.read(path: NSTemporaryDirectory()) }
    }

    @Test("A file over the byte limit is refused before it is read")
    func fileByteLimit() throws {
        let path = temporaryPath("big.pgm")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ImageFile.write(PNM.encode(GrayImage(width: 100, height: 100)), to: path)
        let limits = ImageLimits(maxPixels: 1 << 20, maxDimension: 1000, maxFileBytes: 1000)
        #expect(throws: ImagingError.fileTooLarge(source: path, bytes: 10_015, limit: 1000)) { try ImageFile.read(path: path, limits: limits) }
    }

    @Test("Writing into a folder that does not exist fails with the path named and leaves nothing behind")
    func writeFailure() {
        let path = temporaryPath("no-such-folder/label.png")
        #expect(throws: ImagingError.self) { try ImageFile.write([1, 2, 3], to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
