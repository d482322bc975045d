internal import Foundation

/// The values of one label, by dotted key: the template's sample, then a JSON data file, then
/// `key=value` settings, each overriding the one before.
public struct FieldValues: Sendable, Equatable {
    public private(set) var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    public subscript(key: String) -> String? { values[key] }

    /// `other`'s values replace these where both have a key.
    public func merging(_ other: FieldValues) -> FieldValues {
        FieldValues(values.merging(other.values) { _, new in new })
    }

    /// Values from a JSON object; nested objects become dotted keys (`{"batch": {"lot": "A"}}`
    /// gives `batch.lot`), numbers and booleans their JSON text. `file` names the file in errors.
    public init(json data: [UInt8], file: String) throws(LabelError) {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(data))
        } catch {
            throw LabelError(file: file, "not valid JSON, or holds lists or nulls: \(error)")
        }
        guard case .object(let object) = root else {
            throw LabelError(file: file, "the data must be a JSON object of keys to values")
        }
        var values: [String: String] = [:]
        Self.flatten(object, prefix: "", into: &values)
        self.init(values)
    }

    private static func flatten(_ object: [String: JSONValue], prefix: String, into values: inout [String: String]) {
        for (key, value) in object {
            switch value {
            case .object(let nested): flatten(nested, prefix: prefix + key + ".", into: &values)
            case .text(let text): values[prefix + key] = text
            }
        }
    }
}

/// A JSON value a label can use: text (numbers and booleans as written) or a nested object.
private enum JSONValue: Decodable {
    case text(String)
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        // Bool first: JSONDecoder never reads a number as a Bool, so 1 stays "1".
        if let flag = try? single.decode(Bool.self) {
            self = .text(flag ? "true" : "false")
        } else if let integer = try? single.decode(Int.self) {
            self = .text(String(integer))
        } else if let number = try? single.decode(Double.self) {
            self = .text(String(number))
        } else if let text = try? single.decode(String.self) {
            self = .text(text)
        } else {
            self = .object(try single.decode([String: JSONValue].self))
        }
    }
}
