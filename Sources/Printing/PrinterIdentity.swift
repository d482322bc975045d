/// The answer to `~HI`: `MODEL,VERSION,DOTS/MM,MEMORY,OPTIONS`.
public struct PrinterIdentity: Sendable, Hashable, Codable {
    public var model: String
    public var firmware: String
    public var dotsPerMillimetre: Int?
    /// Memory and options, as sent.
    public var details: [String]

    /// Reads the fields between STX and ETX, or `nil` when there is no model.
    public init?(parsing text: String) {
        let inner = text.filter { $0 != "\u{02}" && $0 != "\u{03}" && !$0.isNewline }
        let fields = inner.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
        guard fields.count >= 2, !fields[0].isEmpty else { return nil }
        model = fields[0]
        firmware = fields[1]
        dotsPerMillimetre = fields.count > 2 ? Int(fields[2]) : nil
        details = Array(fields.dropFirst(3))
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
