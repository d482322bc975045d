extension Bitmap {
    /// Adds the ink of `other` with its top-left corner at (`x`, `y`); ink already here stays.
    /// Parts that fall outside this bitmap are clipped.
    public mutating func draw(_ other: Bitmap, x: Int, y: Int) {
        for sourceY in 0..<other.height {
            let targetY = y + sourceY
            guard targetY >= 0, targetY < height else { continue }
            for sourceX in 0..<other.width where other[sourceX, sourceY] {
                let targetX = x + sourceX
                if targetX >= 0, targetX < width { self[targetX, targetY] = true }
            }
        }
    }
}
