/// A QR symbol while it is built: its modules, and which of them belong to function patterns
/// (finders, separators, timing, alignment, format and version information, the dark module)
/// and so carry no data and are never masked.
struct QRGrid: Sendable {
    let version: QRVersion
    let size: Int
    /// Row-major; `true` is dark.
    private(set) var modules: [Bool]
    private(set) var isFunction: [Bool]

    /// A symbol with its function patterns drawn and the format information area reserved.
    init(version: QRVersion) {
        self.version = version
        size = version.size
        modules = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
        drawFunctionPatterns()
    }

    var matrix: ModuleMatrix { ModuleMatrix(size: size, modules: modules) }

    mutating func setFunction(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    mutating func setData(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark
    }
}
