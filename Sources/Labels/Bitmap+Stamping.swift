import Imaging

extension Bitmap {
    /// Adds the ink of `other` with its top-left corner at (`x`, `y`), a packed byte at a time:
    /// labels stamp whole symbols and pictures, where `draw`'s pixel-by-pixel copy is the
    /// slowest step of a render. Parts outside this bitmap are clipped.
    mutating func stamp(_ other: Bitmap, x: Int, y: Int) {
        guard x >= 0, x + other.width <= width else {
            draw(other, x: x, y: y)  // rare: only a label that lint already refused reaches here
            return
        }
        let shift = x & 7, firstByte = x >> 3
        let rows = max(0, y)..<min(height, y + other.height)
        guard !rows.isEmpty else { return }
        let sourceBytes = other.bytesPerRow, targetBytes = bytesPerRow
        other.bits.withUnsafeBufferPointer { source in
            bits.withUnsafeMutableBufferPointer { target in
                for row in rows {
                    let from = (row - y) * sourceBytes, to = row * targetBytes + firstByte
                    var carry: UInt8 = 0
                    for column in 0..<sourceBytes {
                        let byte = source[from + column]
                        target[to + column] |= carry | byte >> shift
                        carry = shift == 0 ? 0 : byte << (8 - shift)
                    }
                    // The last source byte's low bits spill into one more target byte, if any.
                    if carry != 0, firstByte + sourceBytes < targetBytes { target[to + sourceBytes] |= carry }
                }
            }
        }
    }
}
