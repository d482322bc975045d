/// One AI and its data, e.g. (10) "B20250301". Checked when it joins a `GS1ElementString`.
public struct GS1Element: Hashable, Sendable, CustomStringConvertible {
    public let ai: String
    public let value: String

    public init(ai: String, value: String) {
        self.ai = ai
        self.value = value
    }

    public var description: String { "(\(ai))\(value)" }
}
