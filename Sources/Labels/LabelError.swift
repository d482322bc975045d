/// What went wrong with a template, a printer profile or the data of one label.
///
/// Every error says where: the file, the line in it and the element, when they are known,
/// so an integrator can go straight to the line to fix.
public struct LabelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template or profile file, as the caller named it.
    public var file: String?
    /// 1-based line in `file`.
    public var line: Int?
    /// The element, as `element <index> (<id or kind>)`.
    public var element: String?
    /// What is wrong and, where it helps, what to do.
    public var message: String

    public init(file: String? = nil, line: Int? = nil, element: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.element = element
        self.message = message
    }

    public var description: String {
        var place = ""
        if let file { place += file }
        if let line { place += place.isEmpty ? "line \(line)" : ":\(line)" }
        if !place.isEmpty { place += ": " }
        if let element { place += "\(element): " }
        return place + message
    }

    /// The same error, placed in `file` when it had no file yet.
    func located(in file: String) -> LabelError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }
}
