/// A square grid of dark and light modules: a QR symbol before it is rasterized.
public struct ModuleMatrix: Sendable, Equatable {
    /// Modules per side.
    public let size: Int
    /// Row-major, `size * size` modules; `true` is dark.
    public let modules: [Bool]

    public init(size: Int, modules: [Bool]) {
        precondition(size >= 0 && modules.count == size * size, "module count does not match the size")
        self.size = size
        self.modules = modules
    }

    /// The QR version this size belongs to (version 1 is 21 modules, each version adds 4).
    public var version: Int { (size - 17) / 4 }

    /// Whether the module in column `x`, row `y` is dark.
    @inlinable
    public func isDark(x: Int, y: Int) -> Bool { modules[y * size + x] }
}
