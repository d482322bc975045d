/// A 1-bit image at printer resolution: the form labels take on their way to a printer or a PNG.
///
/// Rows are packed most-significant bit first, as in PNG and ZPL `^GF`; a set bit is ink
/// (black), matching ZPL, so a bitmap can go to a printer without inversion.
public struct Bitmap: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Bytes per packed row: `(width + 7) / 8`.
    public let bytesPerRow: Int
    /// `bytesPerRow * height` bytes; bits past `width` in a row's last byte are zero.
    public var bits: [UInt8]

    /// A blank (all white) bitmap.
    public init(width: Int, height: Int) {
        precondition(width >= 0 && height >= 0, "bitmap dimensions must not be negative")
        self.width = width
        self.height = height
        self.bytesPerRow = (width + 7) / 8
        self.bits = [UInt8](repeating: 0, count: bytesPerRow * height)
    }

    /// Wraps packed rows; `bits.count` must be `((width + 7) / 8) * height`.
    public init(width: Int, height: Int, packedRows bits: [UInt8]) {
        precondition(bits.count == ((width + 7) / 8) * height, "packed rows do not match the dimensions")
        self.width = width
        self.height = height
        self.bytesPerRow = (width + 7) / 8
        self.bits = bits
    }

    /// Whether the pixel at (`x`, `y`) is ink.
    @inlinable
    public subscript(x: Int, y: Int) -> Bool {
        get { bits[y * bytesPerRow + x >> 3] & (0x80 >> UInt8(x & 7)) != 0 }
        set {
            let index = y * bytesPerRow + x >> 3
            let mask: UInt8 = 0x80 >> UInt8(x & 7)
            if newValue { bits[index] |= mask } else { bits[index] &= ~mask }
        }
    }

    /// Sets a rectangle of pixels to ink. The rectangle is clipped to the bitmap.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int) {
        let x0 = max(0, x), x1 = min(width, x + w)
        let y0 = max(0, y), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            let base = row * bytesPerRow
            var col = x0
            // Whole bytes in the middle are set at once; only the ragged ends go bit by bit.
            while col < x1 {
                if col & 7 == 0 && col + 8 <= x1 {
                    bits[base + col >> 3] = 0xFF
                    col += 8
                } else {
                    bits[base + col >> 3] |= 0x80 >> UInt8(col & 7)
                    col += 1
                }
            }
        }
    }

    /// The bitmap as 8-bit gray: ink is 0, paper is 255.
    public func grayImage() -> GrayImage {
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            let base = y * bytesPerRow
            for x in 0..<width where bits[base + x >> 3] & (0x80 >> UInt8(x & 7)) != 0 {
                pixels[y * width + x] = 0
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}
