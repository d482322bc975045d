extension Bitmap {
    /// How drawn ink meets the ink already there.
    public enum PaintMode: Sendable {
        /// Ink is added; ink already here stays.
        case ink
        /// Ink flips what is below: white on black where this bitmap is black (ZPL `^FR`).
        case reverse
        /// Ink clears what is below (a white ZPL `^GB`).
        case erase
    }

    /// Paints the ink of `other` with its top-left corner at (`x`, `y`), in `mode`. Parts
    /// that fall outside this bitmap are clipped.
    ///
    /// Works a source byte at a time: each byte is shifted into the one or two target bytes it
    /// straddles, and only bytes crossing this bitmap's edge go bit by bit. Text (from cached
    /// glyphs) and symbols are drawn into labels this way.
    public mutating func draw(_ other: Bitmap, x: Int, y: Int, mode: PaintMode = .ink) {
        let firstRow = max(0, -y), endRow = min(other.height, height - y)
        guard firstRow < endRow, other.width > 0 else { return }
        // `&` and `>>` round towards minus infinity, so a negative x keeps its bit offset.
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
                            Self.paint(value >> shift, into: &target[index], mode)
                            if shift != 0 { Self.paint(value << (8 - shift), into: &target[index + 1], mode) }
                        } else {
                            for bit in 0..<8 where value & (0x80 >> UInt8(bit)) != 0 {
                                let targetX = x0 + bit
                                if targetX >= 0 && targetX < width {
                                    Self.paint(0x80 >> UInt8(targetX & 7), into: &target[targetBase + targetX >> 3], mode)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func paint(_ mask: UInt8, into byte: inout UInt8, _ mode: PaintMode) {
        switch mode {
        case .ink: byte |= mask
        case .reverse: byte ^= mask
        case .erase: byte &= ~mask
        }
    }
}
