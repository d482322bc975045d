internal import Yams

/// A node of a template or profile file with its line, read by key with typo checking.
///
/// Yams gives each node a mark; keeping it beside the value lets every error name its line.
struct YAMLValue {
    let node: Node
    let file: String

    var line: Int? { node.mark?.line }

    /// Parses `text`, the whole file.
    static func parse(_ text: String, file: String) throws(LabelError) -> YAMLValue {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw LabelError(file: file, line: mark.line, "not valid YAML: \(problem)")
            default:
                throw LabelError(file: file, "not valid YAML: \(error)")
            }
        } catch {
            throw LabelError(file: file, "not valid YAML: \(error)")
        }
        guard let root else { throw LabelError(file: file, line: 1, "the file is empty") }
        return YAMLValue(node: root, file: file)
    }

    func error(_ message: String) -> LabelError {
        LabelError(file: file, line: line, message)
    }

    /// The entries of a mapping, after checking that every key is one of `allowed`.
    func mapping(_ what: String, allowed: Set<String>) throws(LabelError) -> YAMLMapping {
        guard let mapping = node.mapping else { throw error("\(what) must be a mapping of keys to values") }
        var entries: [String: YAMLValue] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw error("\(what) has a key that is not text") }
            let keyValue = YAMLValue(node: key, file: file)
            guard allowed.contains(name) else {
                throw keyValue.error("unknown key '\(name)' in \(what); allowed: \(allowed.sorted().joined(separator: ", "))")
            }
            guard entries[name] == nil else { throw keyValue.error("key '\(name)' appears twice in \(what)") }
            entries[name] = YAMLValue(node: value, file: file)
        }
        return YAMLMapping(what: what, value: self, entries: entries)
    }

    func sequence(_ what: String) throws(LabelError) -> [YAMLValue] {
        guard let sequence = node.sequence else { throw error("\(what) must be a list") }
        return sequence.map { YAMLValue(node: $0, file: file) }
    }

    func string(_ what: String) throws(LabelError) -> String {
        guard let scalar = node.scalar else { throw error("\(what) must be a single value, not a list or mapping") }
        return scalar.string
    }

    func int(_ what: String, in range: ClosedRange<Int>) throws(LabelError) -> Int {
        let text = try string(what)
        guard let value = Int(text), range.contains(value) else {
            throw error("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }

    func double(_ what: String, in range: ClosedRange<Double>) throws(LabelError) -> Double {
        let text = try string(what)
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw error("\(what) must be a number from \(range.lowerBound.formatted) to \(range.upperBound.formatted), not '\(text)'")
        }
        return value
    }

    func bool(_ what: String) throws(LabelError) -> Bool {
        switch try string(what) {
        case "true", "yes": return true
        case "false", "no": return false
        case let other: throw error("\(what) must be true or false, not '\(other)'")
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ what: String, of _: T.Type) throws(LabelError) -> T where T.RawValue == String {
        let text = try string(what)
        guard let value = T(rawValue: text) else {
            throw error("\(what) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
        }
        return value
    }
}

/// The checked entries of one mapping; `required` and `optional` name the key in errors.
struct YAMLMapping {
    let what: String
    let value: YAMLValue
    let entries: [String: YAMLValue]

    var line: Int? { value.line }

    func optional(_ key: String) -> YAMLValue? { entries[key] }

    func required(_ key: String) throws(LabelError) -> YAMLValue {
        guard let entry = entries[key] else { throw value.error("\(what) needs the key '\(key)'") }
        return entry
    }
}

extension Double {
    /// A number as a person writes it: `60`, `0.25`.
    var formatted: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
