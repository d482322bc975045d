/// The ideal modules of a QR symbol, rebuilt from its known content, to compare the printed
/// modules with. Row-major, dark = true, without the quiet zone.
public struct QRReferenceGrid: Sendable, Equatable {
    public let size: Int
    public let modules: [Bool]

    public init(size: Int, modules: [Bool]) {
        self.size = size
        self.modules = modules
    }

    func isDark(x: Int, y: Int) -> Bool { modules[y * size + x] }
}
