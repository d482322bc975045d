import Foundation
import Imaging

/// A camera at the printer's exit, for a line verified from a watched folder: it drops a copy
/// of each label the virtual printer renders (its `label-<n>.png`, taken once `labels.jsonl`
/// lists it, so the file is whole) into the folder, as `cam-<n>.png` unless told otherwise.
final class Camera: Sendable {
    /// The images to drop for label `n`, given its render.
    typealias Shots = @Sendable (_ index: Int, _ render: [UInt8]) -> [(name: String, bytes: [UInt8])]

    private let task: Task<Void, Never>

    /// With `holdBack`, the camera gathers that many labels and drops them all at once, in an
    /// order shuffled by `seed`; later labels (reprints) are dropped as they come.
    init(renders: String, folder: String, holdBack: Int = 1, seed: UInt64 = 1,
         shots: @escaping Shots = { index, render in [("cam-\(index).png", render)] }) {
        task = Task {
            var random = SeededGenerator(seed: seed)
            var seen = 0, gather = holdBack
            var held: [Int] = []
            while !Task.isCancelled {
                let listed = Self.listed(in: renders)
                held += listed.dropFirst(seen)
                seen = listed.count
                if !held.isEmpty, held.count >= gather {
                    held.shuffle(using: &random)
                    for index in held {
                        guard let png = FileManager.default.contents(atPath: "\(renders)/label-\(index).png") else { continue }
                        for shot in shots(index, [UInt8](png)) { Self.drop(name: shot.name, bytes: shot.bytes, into: folder) }
                    }
                    held.removeAll()
                    gather = 1
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    func stop() async {
        task.cancel()
        await task.value
    }

    /// Written under a dot name and renamed, so the folder's watch never sees half an image.
    static func drop(name: String, bytes: [UInt8], into folder: String) {
        let hidden = "\(folder)/.\(name)"
        _ = FileManager.default.createFile(atPath: hidden, contents: Data(bytes))
        _ = try? FileManager.default.moveItem(atPath: hidden, toPath: "\(folder)/\(name)")
    }

    /// Two images side by side, as a camera whose view takes in two labels.
    static func sideBySide(_ left: [UInt8], _ right: [UInt8]) throws -> [UInt8] {
        let a = try ImageFile.decode(left), b = try ImageFile.decode(right)
        var both = GrayImage(width: a.width + b.width, height: max(a.height, b.height))
        for y in 0..<both.height {
            for x in 0..<both.width {
                if x < a.width, y < a.height { both.pixels[y * both.width + x] = a[x, y] }
                if x >= a.width, y < b.height { both.pixels[y * both.width + x] = b[x - a.width, y] }
            }
        }
        return try PNG.encode(both)
    }

    /// The label indices `labels.jsonl` lists, in print order; a line still being written is
    /// left for the next look.
    private static func listed(in renders: String) -> [Int] {
        guard let log = try? String(contentsOfFile: "\(renders)/labels.jsonl", encoding: .utf8) else { return [] }
        return log.split(separator: "\n").filter { $0.hasSuffix("}") }.compactMap { line in
            line.range(of: "\"index\":").flatMap { Int(line[$0.upperBound...].prefix { $0.isNumber }) }
        }
    }
}
