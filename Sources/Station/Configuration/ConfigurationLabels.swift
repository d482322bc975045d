import Labels

/// Checks that the printer profiles and templates a configuration names exist and read
/// cleanly, each once however many lines name it.
final class ConfigurationLabels {
    let library: LabelLibrary
    private var checked: [String: String?] = [:]

    init(library: LabelLibrary) {
        self.library = library
    }

    lazy var deviceNames: [String] = library.names(in: "Devices")
    lazy var templateNames: [String] = library.names(in: "Templates")

    /// Why the profile `name` cannot be used, or nil when it can.
    func deviceProblem(_ name: String) -> String? {
        problem("Devices", name, kind: "printer profile", known: deviceNames) { () throws(LabelError) in _ = try library.device(name) }
    }

    /// Why the template `name` cannot be used, or nil when it can.
    func templateProblem(_ name: String) -> String? {
        problem("Templates", name, kind: "template", known: templateNames) { () throws(LabelError) in _ = try library.template(name) }
    }

    static func list(_ names: [String]) -> String { names.isEmpty ? "none found" : names.joined(separator: ", ") }

    private func problem(_ folder: String, _ name: String, kind: String, known: [String],
                         read: () throws(LabelError) -> Void) -> String? {
        let cacheKey = folder + "/" + name
        if let found = checked[cacheKey] { return found }
        var problem: String?
        do throws(LabelError) {
            _ = try library.locate(name, folder: folder)
            do throws(LabelError) {
                try read()
            } catch {
                problem = "the \(kind) '\(name)' cannot be used: \(error)"
            }
        } catch {
            problem = "no \(kind) '\(name)' in \(folder)/; available: \(Self.list(known))"
        }
        checked[cacheKey] = problem
        return problem
    }
}
