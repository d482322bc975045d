/// The one error of PlatformSim: what failed, on which input, and what to do.
public struct PlatformSimError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input at fault: a store file and line, a configuration value, an address.
    public let subject: String
    public let rule: Rule

    public init(_ subject: String, _ rule: Rule) {
        self.subject = subject
        self.rule = rule
    }

    public var description: String { "\(subject): \(rule)" }

    public enum Rule: Equatable, Sendable, CustomStringConvertible {
        case outOfRange(String)
        case cannotListen(String)
        case storage(String)
        /// A stored record other than the last cannot be read: the store was edited or damaged.
        case damagedRecord(String)

        public var description: String {
            switch self {
            case .outOfRange(let rule):
                return rule
            case .cannotListen(let reason):
                return "cannot listen (\(reason)); choose another --port or stop the process that holds it"
            case .storage(let reason):
                return "storage error (\(reason)); check that the folder exists, is writable and has free space"
            case .damagedRecord(let reason):
                return "\(reason); the store was edited or damaged, restore it or start with an empty --store"
            }
        }
    }
}
