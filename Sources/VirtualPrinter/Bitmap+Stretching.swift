import Imaging

extension Bitmap {
    /// The bitmap stretched or squeezed to `newWidth` columns, nearest column: how a ZPL font
    /// width different from its height is drawn.
    func scaledHorizontally(to newWidth: Int) -> Bitmap {
        guard newWidth != width, newWidth > 0, width > 0 else { return self }
        var result = Bitmap(width: newWidth, height: height)
        let sourceColumns = (0..<newWidth).map { $0 * width / newWidth }
        for row in 0..<height {
            for (column, source) in sourceColumns.enumerated() where self[source, row] {
                result[column, row] = true
            }
        }
        return result
    }

    /// The bitmap enlarged `factor` times in both directions: `^XG` magnification.
    func magnified(by factor: (x: Int, y: Int)) -> Bitmap {
        guard factor != (1, 1) else { return self }
        var result = Bitmap(width: width * factor.x, height: height * factor.y)
        for row in 0..<height {
            for column in 0..<width where self[column, row] {
                result.fill(x: column * factor.x, y: row * factor.y, width: factor.x, height: factor.y)
            }
        }
        return result
    }
}
