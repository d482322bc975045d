import Imaging

/// How a field's ink meets the ink already on the label.
enum PaintMode: Sendable {
    /// Ink is added (the default).
    case ink
    /// Ink flips what is below: `^FR`, white on black where the label is black.
    case reverse
    /// Ink clears what is below: a white `^GB`.
    case erase
}

extension Bitmap {
    /// Puts the ink of `other` with its top-left corner at (`x`, `y`) in `mode`, clipped to this bitmap.
    mutating func composite(_ other: Bitmap, x: Int, y: Int, mode: PaintMode) {
        if mode == .ink {
            draw(other, x: x, y: y)
            return
        }
        let firstRow = max(0, -y), endRow = min(other.height, height - y)
        guard firstRow < endRow, other.width > 0 else { return }
        let shift = UInt8(x & 7)
        let width = width, targetBytesPerRow = bytesPerRow, sourceBytesPerRow = other.bytesPerRow
        bits.withUnsafeMutableBufferPointer { target in
            other.bits.withUnsafeBufferPointer { source in
                for sourceY in firstRow..<endRow {
                    let targetBase = (y + sourceY) * targetBytesPerRow
                    let sourceBase = sourceY * sourceBytesPerRow
                    for byteIndex in 0..<sourceBytesPerRow where source[sourceBase + byteIndex] != 0 {
                        let value = source[sourceBase + byteIndex]
                        let x0 = x + byteIndex << 3
                        if x0 >= 0 && x0 + 8 <= width {
                            let index = targetBase + x0 >> 3
                            Self.apply(value >> shift, to: &target[index], mode)
                            if shift != 0 { Self.apply(value << (8 - shift), to: &target[index + 1], mode) }
                        } else {
                            for bit in 0..<8 where value & (0x80 >> UInt8(bit)) != 0 {
                                let targetX = x0 + bit
                                if targetX >= 0 && targetX < width {
                                    Self.apply(0x80 >> UInt8(targetX & 7), to: &target[targetBase + targetX >> 3], mode)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func apply(_ mask: UInt8, to byte: inout UInt8, _ mode: PaintMode) {
        switch mode {
        case .ink: byte |= mask
        case .reverse: byte ^= mask
        case .erase: byte &= ~mask
        }
    }

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
