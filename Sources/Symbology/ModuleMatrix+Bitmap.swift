public import Imaging

extension ModuleMatrix {
    /// Light modules the QR standard requires on every side.
    public static let quietZone = 4

    /// The symbol with its quiet zone at `moduleSize` dots per module.
    public func bitmap(moduleSize: Int) throws(SymbologyError) -> Bitmap {
        guard RenderOptions.moduleSizes.contains(moduleSize) else { throw .invalidModuleSize(moduleSize) }
        return Bitmap.rasterizing(
            modules: modules, columns: size, quietColumns: (Self.quietZone, Self.quietZone),
            moduleSize: moduleSize, rowHeight: moduleSize, marginRows: Self.quietZone * moduleSize)
    }
}
