/// A code the ledger has durably reserved for one item.
public struct IssuedCode: Sendable, Hashable {
    /// `GS1` for GS1 item codes.
    public let scheme: String
    /// What the label carries: the GS1 Digital Link URI. Unique per scheme.
    public let value: String
    /// The bracketed element string `(01)…(11)…(10)…(21)…`.
    public let elementString: String
    public let serial: String
    public let batch: Int64
    /// The voided code this one reprints.
    public let reprintOf: String?

    public static let gs1Scheme = "GS1"
}
