/// One format sent to a printer as one job: the station builds one format per label
/// (`^PQ1`) so that each label's fate is known on its own.
public struct PrintJob: Sendable, Identifiable {
    /// Given by the link in submission order, unique for the link's life.
    public struct ID: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
        public var description: String { "job-\(rawValue)" }
    }

    public let id: ID
    /// The bytes from `^XA` to `^XZ`.
    public let format: [UInt8]
    /// Labels the format prints (`^PQ`); the odometer must advance by this much.
    public let quantity: Int
    /// What the station calls the label, such as its trace code; carried into events.
    public let reference: String?
}
