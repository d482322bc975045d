/// One command as the printer received it: its prefix, its name and the bytes of its parameters.
///
/// Names are upper-cased (`FO`, `BC`, `HQ`); `^A` is the one one-letter name, because its
/// font letter follows at once (`^A0N,28`), so the font letter is the first parameter byte.
/// Carriage returns and line feeds are dropped, as a printer drops them.
public struct ZPLCommand: Sendable, Hashable, CustomStringConvertible {
    public enum Prefix: Sendable, Hashable {
        /// `^`: queued in the format, run when the format ends.
        case format
        /// `~`: run as soon as it is received.
        case control
    }

    public let prefix: Prefix
    public let name: String
    public let parameters: [UInt8]

    public init(_ prefix: Prefix, _ name: String, parameters: [UInt8] = []) {
        self.prefix = prefix
        self.name = name
        self.parameters = parameters
    }

    /// The parameters split at commas, with surrounding spaces removed; a missing parameter is
    /// an empty string, so `^BCN,,Y` gives `["N", "", "Y"]`.
    public var arguments: [String] {
        parameters.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self).trimmingSpaces()
        }
    }

    public var description: String {
        (prefix == .format ? "^" : "~") + name + String(decoding: parameters, as: UTF8.self)
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " })!
        return String(scalars[first...last])
    }
}
