/// A label design: its size, its elements placed in millimetres, and sample values that fill
/// every placeholder so the label previews without data.
public struct LabelTemplate: Sendable {
    /// The name the template is known by (its file name without `.yaml`).
    public var name: String
    /// The file it was read from, for error messages.
    public var file: String
    public var title: String
    public var width: Double
    public var height: Double
    public var elements: [TemplateElement]
    public var sample: FieldValues

    public init(name: String, file: String, title: String, width: Double, height: Double, elements: [TemplateElement], sample: FieldValues) {
        self.name = name
        self.file = file
        self.title = title
        self.width = width
        self.height = height
        self.elements = elements
        self.sample = sample
    }

    /// Every placeholder key the elements use, sorted.
    public var keys: [String] {
        Array(Set(elements.flatMap(\.fieldTexts).flatMap(\.keys))).sorted()
    }
}
