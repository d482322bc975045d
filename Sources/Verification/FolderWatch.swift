import Foundation

/// Polls a folder that cameras drop images into (over FTP or SMB), hands each finished file to
/// a handler once, and moves it to `done/` or `failed/` beside it.
///
/// A file counts as finished when its size has not changed for one poll interval: a camera
/// writing over the network leaves a growing file in place until it is done.
public struct FolderWatch: Sendable {
    public let folder: String
    public let idleExit: Duration?
    public let interval: Duration

    public init(folder: String, idleExit: Duration? = nil, interval: Duration = .milliseconds(200)) {
        self.folder = folder
        self.idleExit = idleExit
        self.interval = interval
    }

    /// Where `run` moves a file once its handler says whether the image passed, so a caller
    /// can tell where the image will be kept.
    public func destination(of path: String, passed: Bool) -> String {
        "\(folder)/\(passed ? "done" : "failed")/\(URL(fileURLWithPath: path).lastPathComponent)"
    }

    /// Runs until stopped, or until `idleExit` passes without a new file. `handle` says
    /// whether the image passed; a file is moved only after its handler returns.
    public func run(_ handle: (String) async -> Bool) async throws {
        let files = FileManager.default
        for sub in ["done", "failed"] {
            try files.createDirectory(atPath: "\(folder)/\(sub)", withIntermediateDirectories: true)
        }
        var sizes: [String: Int] = [:]
        var idleSince = ContinuousClock.now
        while idleExit.map({ ContinuousClock.now - idleSince < $0 }) ?? true {
            let names = ((try? files.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            var seen: [String: Int] = [:]
            for name in names {
                let path = "\(folder)/\(name)"
                guard let attributes = try? files.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeRegular,
                      let size = (attributes[.size] as? NSNumber)?.intValue else { continue }
                guard sizes[name] == size else {
                    seen[name] = size
                    continue
                }
                let target = destination(of: path, passed: await handle(path))
                try? files.removeItem(atPath: target)
                try? files.moveItem(atPath: path, toPath: target)
                idleSince = .now
            }
            if !seen.isEmpty { idleSince = .now }
            sizes = seen
            try await Task.sleep(for: interval)
        }
    }
}
