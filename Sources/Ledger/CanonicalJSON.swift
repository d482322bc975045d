import Foundation

/// The JSON of event details: keys sorted by their UTF-8 bytes, no spaces, integers in
/// decimal, strings with only `"`, `\` and control characters escaped (`\"`, `\\`, `\n`,
/// `\r`, `\t`, else `\u00XX`), everything else as raw UTF-8.
///
/// The chain hashes the stored text itself, so a verifier never re-serializes; this form only
/// makes the text the station writes predictable for other tools.
enum CanonicalJSON: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case object([String: CanonicalJSON])

    static let empty = "{}"

    static func text(_ members: [String: CanonicalJSON]) -> String {
        CanonicalJSON.object(members).text
    }

    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let value): Self.writeString(value, to: &out)
        case .integer(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }).enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                members[key]!.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// The top-level members of stored details, or nil when the text is not a JSON object.
    static func parse(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}

extension String {
    func leftPadded(to length: Int, with pad: Character = "0") -> String {
        count >= length ? self : String(repeating: pad, count: length - count) + self
    }
}
