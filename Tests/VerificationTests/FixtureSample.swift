import Foundation

/// One photo of the decode fixtures with the text it must decode to.
struct FixtureSample: CustomStringConvertible {
    let folder: String
    let imagePath: String
    let expected: String
    /// `contentType=GS1` in the sample's `.result.txt`.
    let isGS1: Bool

    var description: String { "\(folder)/\((imagePath as NSString).lastPathComponent)" }

    /// `/work/shared/fixtures/decode`, found beside the repository: this file is
    /// `<repo>/Tests/VerificationTests/FixtureSample.swift` and `shared` sits next to `<repo>`.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/fixtures/decode")

    static var folderExists: Bool { FileManager.default.fileExists(atPath: folder.path) }

    /// Every image with an expected text, sorted by folder and name.
    static func all() throws -> [FixtureSample] {
        let files = FileManager.default
        var samples: [FixtureSample] = []
        for sub in try files.contentsOfDirectory(atPath: folder.path).sorted() {
            let dir = folder.appendingPathComponent(sub)
            guard let names = try? files.contentsOfDirectory(atPath: dir.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".png") || name.hasSuffix(".jpg") {
                let base = dir.appendingPathComponent((name as NSString).deletingPathExtension)
                let expected = try String(decoding: Data(contentsOf: base.appendingPathExtension("txt")), as: UTF8.self)
                let meta = (try? String(contentsOf: base.appendingPathExtension("result.txt"), encoding: .utf8)) ?? ""
                samples.append(FixtureSample(
                    folder: sub, imagePath: dir.appendingPathComponent(name).path,
                    expected: expected, isGS1: meta.contains("contentType=GS1")
                ))
            }
        }
        return samples
    }

    /// Whether `text` is this sample's content, compared as the fixture README says: exactly,
    /// except that GS1 samples drop the symbology identifier, GS separators and parentheses
    /// on both sides (EAN/UPC texts already come in the fixtures' 13-digit + add-on form).
    func matches(_ text: String) -> Bool {
        isGS1 ? Self.gs1Data(text) == Self.gs1Data(expected) : text == expected
    }

    /// Whether `text` is the main EAN of a sample that also has an add-on: right as far as it
    /// goes, but not the sample's content.
    func isMissedAddOn(_ text: String) -> Bool {
        text.count == 13 && expected.count > 13 && expected.hasPrefix(text)
    }

    private static func gs1Data(_ text: String) -> String {
        var text = Substring(text)
        if text.hasPrefix("]"), text.count >= 3 { text = text.dropFirst(3) }
        return String(text.filter { $0 != "\u{1D}" && $0 != "(" && $0 != ")" })
    }
}
