extension Bitmap {
    /// The bitmap turned clockwise by `quarterTurns` × 90°; negative turns go counter-clockwise.
    ///
    /// Exact, pixel for pixel: one quarter turn moves (x, y) to (height − 1 − y, x) and swaps
    /// width and height. Only ink is visited, so sparse text boxes turn quickly.
    public func rotated(by quarterTurns: Int) -> Bitmap {
        let turns = (quarterTurns % 4 + 4) % 4
        guard turns != 0 else { return self }
        var result = turns == 2 ? Bitmap(width: width, height: height) : Bitmap(width: height, height: width)
        let (w, h) = (width, height)
        let targetBytesPerRow = result.bytesPerRow
        result.bits.withUnsafeMutableBufferPointer { target in
            bits.withUnsafeBufferPointer { source in
                for y in 0..<h {
                    let base = y * bytesPerRow
                    for byteIndex in 0..<bytesPerRow where source[base + byteIndex] != 0 {
                        let value = source[base + byteIndex]
                        for bit in 0..<8 where value & (0x80 >> UInt8(bit)) != 0 {
                            let x = byteIndex << 3 | bit
                            let (tx, ty) = switch turns {
                            case 1: (h - 1 - y, x)
                            case 2: (w - 1 - x, h - 1 - y)
                            default: (y, w - 1 - x)
                            }
                            target[ty * targetBytesPerRow + tx >> 3] |= 0x80 >> UInt8(tx & 7)
                        }
                    }
                }
            }
        }
        return result
    }
}
