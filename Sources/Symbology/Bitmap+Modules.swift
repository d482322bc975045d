internal import Imaging

extension Bitmap {
    /// Rasterizes rows of modules with packed-row writes: each module row is drawn once, a run
    /// of dark modules at a time, then copied for the remaining dot rows it covers.
    ///
    /// - Parameters:
    ///   - modules: row-major, `columns` a row; `true` is ink.
    ///   - quietColumns: light modules left and right of the symbol.
    ///   - rowHeight: dot rows per module row.
    ///   - marginRows: light dot rows above and below the symbol.
    static func rasterizing(
        modules: [Bool], columns: Int, quietColumns: (leading: Int, trailing: Int),
        moduleSize: Int, rowHeight: Int, marginRows: Int
    ) -> Bitmap {
        let moduleRows = columns == 0 ? 0 : modules.count / columns
        let width = (quietColumns.leading + columns + quietColumns.trailing) * moduleSize
        let height = moduleRows * rowHeight + 2 * marginRows
        let bytesPerRow = (width + 7) / 8
        let bits = [UInt8](unsafeUninitializedCapacity: bytesPerRow * height) { buffer, count in
            buffer.initialize(repeating: 0)
            count = buffer.count
            guard let base = buffer.baseAddress, bytesPerRow > 0 else { return }
            modules.withUnsafeBufferPointer { modules in
                for moduleRow in 0..<moduleRows {
                    let row = base + (marginRows + moduleRow * rowHeight) * bytesPerRow
                    let rowModules = moduleRow * columns
                    var column = 0
                    while column < columns {
                        guard modules[rowModules + column] else { column += 1; continue }
                        var end = column + 1
                        while end < columns && modules[rowModules + end] { end += 1 }
                        setBits(
                            row, from: (quietColumns.leading + column) * moduleSize,
                            to: (quietColumns.leading + end) * moduleSize)
                        column = end
                    }
                    for copy in 1..<max(rowHeight, 1) {
                        (row + copy * bytesPerRow).update(from: row, count: bytesPerRow)
                    }
                }
            }
        }
        return Bitmap(width: width, height: height, packedRows: bits)
    }

    /// Sets bits `start..<end` of a packed row, whole bytes at a time between the ragged ends.
    private static func setBits(_ row: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) {
        let first = start >> 3, last = (end - 1) >> 3
        let head: UInt8 = 0xFF >> UInt8(start & 7)
        let tail: UInt8 = 0xFF << UInt8(7 - ((end - 1) & 7))
        if first == last {
            row[first] |= head & tail
            return
        }
        row[first] |= head
        if last > first + 1 { (row + first + 1).update(repeating: 0xFF, count: last - first - 1) }
        row[last] |= tail
    }
}
