/// Why a chunk's payload was refused (422): the field, by its path in the station's names
/// (`codes[3].code`), and the rule it broke.
public struct ChunkProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let rule: String

    public init(_ field: String, _ rule: String) {
        self.field = field
        self.rule = rule
    }

    public var description: String { "\(field): \(rule)" }
}
