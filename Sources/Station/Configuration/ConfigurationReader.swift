import Foundation
internal import Yams

/// One node of a configuration file with its dotted key (`lines[1].printer.port`) and the line
/// of its key, which names it better than the line its value starts on.
struct ConfigurationNode {
    let node: Node
    let key: String
    let line: Int?

    func child(_ name: String, _ node: Node, line: Int?) -> ConfigurationNode {
        ConfigurationNode(node: node, key: key.isEmpty ? name : "\(key).\(name)", line: line ?? self.line)
    }

    func item(_ index: Int, _ node: Node) -> ConfigurationNode {
        ConfigurationNode(node: node, key: "\(key)[\(index)]", line: node.mark?.line ?? line)
    }

    /// The value as a person would describe it in an error.
    var found: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "nothing" }
            return "'\(scalar.string)'"
        }
    }

    /// `key:` with no value, `~` or `null`, unquoted.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}

/// Reads a configuration file value by value, collecting every problem instead of stopping at
/// the first, so one run of `config check` lists all there is to fix. Each accessor returns nil
/// when the value is unusable, after recording why.
final class ConfigurationReader {
    typealias Problem = StationConfigurationError.Problem
    typealias Rule = StationConfigurationError.Rule

    let file: String
    private(set) var errors: [Problem] = []
    private(set) var warnings: [Problem] = []

    init(file: String) {
        self.file = file
    }

    /// The root of `text`, or nil after recording why it cannot be read.
    func parse(_ text: String) -> ConfigurationNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                errors.append(Problem(.file(file, line: mark.line), key: "", .unreadable("not valid YAML: \(problem)")))
            case let .duplicatedKeysInMapping(duplicates, context):
                let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                errors.append(Problem(.file(file, line: context.mark.line), key: "",
                                      .unreadable("the key \(keys) appears twice in one mapping")))
            default:
                errors.append(Problem(.file(file, line: nil), key: "", .unreadable("not valid YAML: \(error)")))
            }
            return nil
        } catch {
            errors.append(Problem(.file(file, line: nil), key: "", .unreadable("not valid YAML: \(error)")))
            return nil
        }
        guard let root, !ConfigurationNode(node: root, key: "", line: nil).isNull else {
            errors.append(Problem(.file(file, line: nil), key: "", .unreadable("the file is empty")))
            return nil
        }
        return ConfigurationNode(node: root, key: "", line: root.mark?.line)
    }

    func fail(_ node: ConfigurationNode, _ rule: Rule) {
        errors.append(Problem(.file(file, line: node.line), key: node.key, rule))
    }

    func warn(_ node: ConfigurationNode, _ rule: Rule) {
        warnings.append(Problem(.file(file, line: node.line), key: node.key, rule))
    }

    func fail(environment variable: String, key: String, _ rule: Rule) {
        errors.append(Problem(.environment(variable: variable), key: key, rule))
    }

    /// Errors in file order, then those of the environment; each once.
    func sortedErrors() -> [Problem] { Self.sorted(errors) }
    func sortedWarnings() -> [Problem] { Self.sorted(warnings) }

    private static func sorted(_ problems: [Problem]) -> [Problem] {
        var seen: Set<Problem> = []
        let unique = problems.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            let (lineA, lineB) = (a.element.line ?? Int.max, b.element.line ?? Int.max)
            return lineA != lineB ? lineA < lineB : a.offset < b.offset
        }.map(\.element)
    }

    // MARK: Structure

    /// The entries of a mapping whose keys are among `allowed`; every other key is an error.
    func mapping(_ node: ConfigurationNode, allowed: [String]) -> ConfigurationMapping? {
        guard let mapping = node.node.mapping else {
            fail(node, .wrongType(expected: "a mapping of keys to values", found: node.found))
            return nil
        }
        var entries: [String: ConfigurationNode] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.scalar?.string else {
                fail(node, .invalidValue("has a key that is not text"))
                continue
            }
            let entry = node.child(name, value, line: keyNode.mark?.line)
            guard allowed.contains(name) else {
                fail(entry, .unknownKey(name, allowed: allowed))
                continue
            }
            entries[name] = entry
        }
        return ConfigurationMapping(node: node, entries: entries)
    }

    func sequence(_ node: ConfigurationNode) -> [ConfigurationNode]? {
        guard let sequence = node.node.sequence else {
            fail(node, .wrongType(expected: "a list", found: node.found))
            return nil
        }
        return sequence.enumerated().map { node.item($0.offset, $0.element) }
    }

    func required(_ key: String, in mapping: ConfigurationMapping, because reason: String? = nil) -> ConfigurationNode? {
        if let entry = mapping.entries[key] { return entry }
        if let reason {
            fail(mapping.node, .invalidValue("the key '\(key)' is required \(reason)"))
        } else {
            fail(mapping.node, .missingKey(key))
        }
        return nil
    }

    // MARK: Values

    /// A single value, as written.
    func scalar(_ node: ConfigurationNode, expected: String) -> String? {
        guard let scalar = node.node.scalar, !node.isNull else {
            fail(node, .wrongType(expected: expected, found: node.found))
            return nil
        }
        return scalar.string
    }

    /// A single value with some text in it, trimmed.
    func text(_ node: ConfigurationNode, expected: String = "text") -> String? {
        guard let value = scalar(node, expected: expected)?.trimmingCharacters(in: .whitespaces) else { return nil }
        guard !value.isEmpty else {
            fail(node, .invalidValue("must not be empty"))
            return nil
        }
        return value
    }

    func int(_ node: ConfigurationNode, in range: ClosedRange<Int>) -> Int? {
        let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard let text = scalar(node, expected: expected) else { return nil }
        guard let value = Int(text) else {
            fail(node, .wrongType(expected: expected, found: node.found))
            return nil
        }
        guard range.contains(value) else {
            fail(node, .invalidValue("\(value) is out of range; use \(expected)"))
            return nil
        }
        return value
    }

    /// An id the ledger, the API and file names can carry (`StationSettings.isSafeIdentifier`).
    func identifier(_ node: ConfigurationNode, what: String) -> String? {
        guard let value = text(node) else { return nil }
        guard StationSettings.isSafeIdentifier(value) else {
            fail(node, .invalidValue("'\(value)' is not a safe \(what); \(StationSettings.safeIdentifierRule)"))
            return nil
        }
        return value
    }

    func choice(_ node: ConfigurationNode, of choices: [String]) -> String? {
        guard let value = text(node, expected: "one of \(choices.joined(separator: ", "))") else { return nil }
        guard choices.contains(value) else {
            fail(node, .invalidValue("'\(value)' is not allowed; use one of \(choices.joined(separator: ", "))"))
            return nil
        }
        return value
    }
}

/// The checked entries of one mapping, by key.
struct ConfigurationMapping {
    let node: ConfigurationNode
    let entries: [String: ConfigurationNode]

    subscript(_ key: String) -> ConfigurationNode? { entries[key] }
}

extension ConfigurationNode {
    /// The entry `name` of this mapping, placed on its key's line; nil when absent.
    func entry(_ name: String) -> ConfigurationNode? {
        guard let mapping = node.mapping else { return nil }
        for (keyNode, value) in mapping where keyNode.scalar?.string == name {
            return child(name, value, line: keyNode.mark?.line)
        }
        return nil
    }
}
