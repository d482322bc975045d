import Foundation

/// Writing values into the dashboard's markup. Every value that is not our own constant text
/// (line ids, reasons, problems, codes, file names) goes through `escape`, so a line named or
/// paused with markup shows that markup as text.
enum HTML {
    /// `text` safe as element content and as a double- or single-quoted attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `text` as one path segment of a URL: `/`, `?`, `#` and `%` included are percent-encoded.
    static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? ""
    }

    private static let segmentCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
}
