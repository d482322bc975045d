import Foundation
import Imaging
import VirtualPrinter
import ZPL

/// One ZPL input of `../shared/fixtures/zpl` with its Labelary reference and expected content.
struct ZPLFixture: CustomStringConvertible, Sendable {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/fixtures/zpl")
    static let folderExists = FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path)

    let id: String
    let zpl: String
    let labelary: String?
    /// Symbology and text zxing-cpp read from the Labelary reference.
    let expected: [(symbology: String, text: String)]

    var description: String { id }

    /// The XOR share allowed, in percent: the fixture README's bounds, 1 % for boxes and single
    /// text lines, 2 % for Code 128, 5 % where font-0 text dominates.
    var tolerance: Double {
        if id.hasPrefix("gb_") || id.hasPrefix("text_f") { return 1 }
        if id.hasPrefix("barcode128") { return 2 }
        return 5
    }

    static func all() -> [ZPLFixture] {
        guard folderExists,
              let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let fixtures = manifest["fixtures"] as? [[String: Any]]
        else { return [] }
        return fixtures.compactMap { entry in
            guard let id = entry["id"] as? String, let zpl = entry["zpl"] as? String else { return nil }
            let labelary = (entry["expected"] as? [String: String])?["labelary"]
            let decoded = (entry["decoded_from_expected"] as? [String: [[String: String]]])?[labelary ?? ""] ?? []
            return ZPLFixture(
                id: id, zpl: zpl, labelary: labelary,
                expected: decoded.compactMap { symbol in symbol["symbology"].flatMap { s in symbol["text"].map { (s, $0) } } })
        }
    }

    func bytes() throws -> [UInt8] {
        Array(try Data(contentsOf: Self.folder.appendingPathComponent(zpl)))
    }

    /// The Labelary reference as ink (true) per pixel, binarised at 128.
    func reference() throws -> GrayImage? {
        guard let labelary else { return nil }
        return try PNG.decode(Array(Data(contentsOf: Self.folder.appendingPathComponent(labelary))))
    }

    /// The first label the fixture prints, on the references' 813 × 1626 canvas.
    func render(renderer: FormatRenderer) throws -> RenderedFormat? {
        var parser = ZPLStreamParser()
        var memory = PrinterMemory()
        for event in parser.feed(try bytes()) {
            switch event {
            case let .control(command):
                try? memory.run(command)
            case let .format(script):
                if let label = renderer.render(script, memory: &memory) { return label }
            default:
                break
            }
        }
        return nil
    }
}
