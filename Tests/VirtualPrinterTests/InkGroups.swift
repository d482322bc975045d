import Imaging

/// The separate pieces of a label: ink split into groups that blank paper keeps apart, so
/// each barcode can be decoded on its own.
///
/// The label is cut into square cells; a cell with any ink joins its inked neighbours, the
/// diagonal ones too. Bars, their gaps and their interpretation line stay in one group as
/// long as no gap inside a symbol is wider than a cell.
struct InkGroups {
    let cell: Int
    /// Per cell, row-major: the group's index, or nil for blank paper.
    private var groups: [Int?]
    private let columns: Int, rows: Int
    private(set) var count = 0

    init(_ bitmap: Bitmap, cell: Int) {
        self.cell = cell
        columns = (bitmap.width + cell - 1) / cell
        rows = (bitmap.height + cell - 1) / cell
        var inked = [Bool](repeating: false, count: columns * rows)
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width where bitmap[x, y] {
                inked[(y / cell) * columns + x / cell] = true
            }
        }
        groups = [Int?](repeating: nil, count: columns * rows)
        for start in inked.indices where inked[start] && groups[start] == nil {
            groups[start] = count
            var pending = [start]
            while let index = pending.popLast() {
                let (column, row) = (index % columns, index / columns)
                for dy in -1...1 {
                    for dx in -1...1 {
                        let (c, r) = (column + dx, row + dy)
                        guard c >= 0, c < columns, r >= 0, r < rows else { continue }
                        let neighbour = r * columns + c
                        if inked[neighbour] && groups[neighbour] == nil {
                            groups[neighbour] = count
                            pending.append(neighbour)
                        }
                    }
                }
            }
            count += 1
        }
    }

    /// Group `group` alone on white paper, with `margin` blank dots around it as a quiet zone.
    func image(of group: Int, in bitmap: Bitmap, margin: Int) -> GrayImage {
        let cells = groups.indices.filter { groups[$0] == group }
        let left = cells.map { $0 % columns }.min()! * cell, top = cells.map { $0 / columns }.min()! * cell
        let right = min(bitmap.width, (cells.map { $0 % columns }.max()! + 1) * cell)
        let bottom = min(bitmap.height, (cells.map { $0 / columns }.max()! + 1) * cell)
        var image = GrayImage(width: right - left + 2 * margin, height: bottom - top + 2 * margin)
        for y in top..<bottom {
            for x in left..<right where bitmap[x, y] && groups[(y / cell) * columns + x / cell] == group {
                image[x - left + margin, y - top + margin] = 0
            }
        }
        return image
    }
}
