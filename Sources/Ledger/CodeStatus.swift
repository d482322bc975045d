/// Where one issued code stands now: what a verifier needs to judge a label that carries it.
public struct CodeStatus: Sendable, Hashable {
    /// The code's value, its Digital Link URI as issued.
    public let value: String
    public let batch: Int64
    public let state: LabelState

    public init(value: String, batch: Int64, state: LabelState) {
        self.value = value
        self.batch = batch
        self.state = state
    }
}
