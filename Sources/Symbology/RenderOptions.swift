/// How a symbol becomes dots.
public struct RenderOptions: Sendable, Equatable {
    /// Whole dots per module a printer can place reliably; a fraction would give uneven bars.
    public static let moduleSizes = 1...40
    /// Bar heights, in dots, for linear symbols (up to about 33 cm at 12 dots/mm).
    public static let barHeights = 1...4000
    /// Linear symbols are this many modules tall unless a bar height is given.
    public static let defaultBarHeightInModules = 50

    /// Dots per module (the narrowest bar, or one QR cell).
    public var moduleSize: Int
    /// Height of linear symbols in dots; `nil` gives `defaultBarHeightInModules` modules.
    public var barHeight: Int?
    /// Used for QR only.
    public var qr: QROptions

    public init(moduleSize: Int = 3, barHeight: Int? = nil, qr: QROptions = QROptions()) {
        self.moduleSize = moduleSize
        self.barHeight = barHeight
        self.qr = qr
    }

    func validatedModuleSize() throws(SymbologyError) -> Int {
        guard Self.moduleSizes.contains(moduleSize) else { throw .invalidModuleSize(moduleSize) }
        return moduleSize
    }

    func validatedBarHeight() throws(SymbologyError) -> Int {
        let height: Int
        if let barHeight {
            height = barHeight
        } else {
            height = try Self.defaultBarHeightInModules * validatedModuleSize()
        }
        guard Self.barHeights.contains(height) else { throw .invalidBarHeight(height) }
        return height
    }
}
