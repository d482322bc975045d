import Foundation
import Testing
@testable import Imaging

@Suite("Fonts")
struct FontTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("font-\(UUID().uuidString)-\(name)").path
    }

    @Test("A missing font file is refused with its path and the system's reason")
    func missingFile() {
        let path = temporaryPath("missing.ttf")
        #expect(throws: ImagingError.unreadable(path: path, reason: "No such file or directory")) { try Font(path: path) }
        #expect(throws: ImagingError.unreadable(path: NSTemporaryDirectory(), reason: "it is a directory")) {
            try Font(path: NSTemporaryDirectory())
        }
    }

    @Test("A file that is not a font is refused with its path named")
    func notAFont() throws {
        let path = temporaryPath("notes.ttf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data("batch 42, shift B".utf8))
        let error = #expect(throws: ImagingError.self) { try Font(path: path) }
        guard case .notAFont(let named, _) = error else { Issue.record("expected notAFont, got \(String(describing: error))"); return }
        #expect(named == path)
        #expect(error?.description.hasPrefix(path) == true)
    }

    @Test("A face index past the end of the collection names the faces the file holds",
          .enabled(if: TestFont.isAvailable, TestFont.unavailableReason))
    func faceIndexOutOfRange() throws {
        let path = try #require(TestFont.location).path
        let error = #expect(throws: ImagingError.self) { try Font(path: path, faceIndex: 99) }
        guard case .faceIndexOutOfRange(path, 99, let count?) = error else {
            Issue.record("expected faceIndexOutOfRange, got \(String(describing: error))"); return
        }
        #expect(count >= 1)
        #expect(error?.description.contains("no font face 99") == true)
        #expect(throws: ImagingError.faceIndexOutOfRange(path: path, index: -1, faceCount: nil)) { try Font(path: path, faceIndex: -1) }
    }

    @Test("The default font opens and declares its family", .enabled(if: TestFont.isAvailable, TestFont.unavailableReason))
    func defaultFont() throws {
        let location = try #require(TestFont.location)
        let font = try Font(path: location.path, faceIndex: location.faceIndex)
        #expect(!font.familyName.isEmpty)
        #expect(font.path == location.path)
    }
}

@Suite("Font lookup")
struct FontLocatorTests {
    private let candidates = [FontLocation(path: "/nonexistent/a.ttc"), FontLocation(path: "/nonexistent/b.ttf", faceIndex: 2)]

    @Test("An explicit path wins over the environment, and the environment over the known places")
    func order() throws {
        #expect(try FontLocator.locate(explicitPath: "/x.ttf", environmentValue: "/y.ttf") == FontLocation(path: "/x.ttf"))
        #expect(try FontLocator.locate(explicitPath: nil, environmentValue: "/y.ttf") == FontLocation(path: "/y.ttf"))
    }

    @Test("The first known place that holds a file is chosen, with its face index; empty settings count as unset")
    func firstExisting() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("font-\(UUID().uuidString).ttc").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data([0]))
        let found = try FontLocator.locate(environmentValue: nil, knownLocations: candidates + [FontLocation(path: path, faceIndex: 1)])
        #expect(found == FontLocation(path: path, faceIndex: 1))
        #expect(try FontLocator.locate(explicitPath: "", environmentValue: "", knownLocations: [FontLocation(path: path)]) == FontLocation(path: path))
    }

    @Test("When no font exists the error lists every path tried and the Debian package to install")
    func nothingFound() {
        #expect(throws: ImagingError.fontNotFound(tried: candidates.map(\.path), package: "fonts-wqy-microhei")) {
            try FontLocator.locate(environmentValue: nil, knownLocations: candidates)
        }
        let message = ImagingError.fontNotFound(tried: candidates.map(\.path), package: "fonts-wqy-microhei").description
        #expect(message.contains("/nonexistent/a.ttc, /nonexistent/b.ttf"))
        #expect(message.contains("fonts-wqy-microhei") && message.contains("TRACESTATION_FONT"))
    }
}
