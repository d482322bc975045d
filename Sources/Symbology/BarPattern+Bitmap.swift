public import Imaging

extension BarPattern {
    /// The symbol with its quiet zones at `moduleSize` dots per module, `barHeight` dots tall.
    public func bitmap(moduleSize: Int, barHeight: Int) throws(SymbologyError) -> Bitmap {
        guard RenderOptions.moduleSizes.contains(moduleSize) else { throw .invalidModuleSize(moduleSize) }
        guard RenderOptions.barHeights.contains(barHeight) else { throw .invalidBarHeight(barHeight) }
        return Bitmap.rasterizing(
            modules: modules, columns: modules.count, quietColumns: (leadingQuietZone, trailingQuietZone),
            moduleSize: moduleSize, rowHeight: barHeight, marginRows: 0)
    }
}
