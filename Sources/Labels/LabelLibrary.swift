internal import Foundation

/// Finds and reads templates (`Templates/<name>.yaml`) and printer profiles (`Devices/<name>.yaml`).
///
/// A name that is a path to an existing file is read as is. Otherwise `<name>.yaml` is looked
/// for under `Templates/` or `Devices/` in, in order: the current directory, the folder
/// `$TRACESTATION_HOME` names, and each folder above the running executable, so that commands
/// work from a checkout's root, from an installation and from the tests.
public struct LabelLibrary: Sendable {
    public static let homeVariable = "TRACESTATION_HOME"

    /// Folders that may hold `Templates/` and `Devices/`, first match wins.
    public var roots: [String]

    public init(roots: [String]) {
        self.roots = roots
    }

    /// The usual search roots for this process.
    public static func standard() -> LabelLibrary {
        var roots = [FileManager.default.currentDirectoryPath]
        if let home = ProcessInfo.processInfo.environment[homeVariable], !home.isEmpty { roots.append(home) }
        var folder = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            roots.append(folder.path)
            folder.deleteLastPathComponent()
        }
        return LabelLibrary(roots: roots)
    }

    public func template(_ nameOrPath: String) throws(LabelError) -> LabelTemplate {
        let path = try locate(nameOrPath, folder: "Templates")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try LabelTemplate(yaml: try Self.read(path), name: Self.name(of: path), file: path, folder: folder)
    }

    public func device(_ nameOrPath: String) throws(LabelError) -> DeviceProfile {
        let path = try locate(nameOrPath, folder: "Devices")
        return try DeviceProfile(yaml: try Self.read(path), name: Self.name(of: path), file: path)
    }

    /// Names of the `.yaml` files in the first `Templates/` or `Devices/` found, sorted.
    public func names(in folder: String) -> [String] {
        for root in roots {
            let path = root + "/" + folder
            if let files = try? FileManager.default.contentsOfDirectory(atPath: path), files.contains(where: { $0.hasSuffix(".yaml") }) {
                return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            }
        }
        return []
    }

    /// The file `nameOrPath` means.
    public func locate(_ nameOrPath: String, folder: String) throws(LabelError) -> String {
        if FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
        let file = nameOrPath.hasSuffix(".yaml") ? nameOrPath : nameOrPath + ".yaml"
        let candidates = roots.map { "\($0)/\(folder)/\(file)" }
        if let found = candidates.first(where: FileManager.default.fileExists(atPath:)) { return found }
        let known = names(in: folder)
        throw LabelError("no file '\(nameOrPath)' and no \(folder)/\(file) in \(roots.prefix(2).joined(separator: ", ")) or above the executable"
            + (known.isEmpty ? "" : "; known: \(known.joined(separator: ", "))"))
    }

    static func read(_ path: String) throws(LabelError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw LabelError(file: path, "cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw LabelError(file: path, "the file is not UTF-8 text") }
        return text
    }

    private static func name(of path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
}
