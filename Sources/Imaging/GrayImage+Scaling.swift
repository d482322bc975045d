extension GrayImage {
    /// The image resized by `factor` (> 0): area-averaged when shrinking, so thin bars keep
    /// their weight, and bilinear when enlarging, so module edges stay where they were.
    public func scaled(by factor: Double) -> GrayImage {
        precondition(factor > 0, "scale factor must be positive")
        let newWidth = max(1, Int((Double(width) * factor).rounded()))
        let newHeight = max(1, Int((Double(height) * factor).rounded()))
        guard width > 0, height > 0, newWidth != width || newHeight != height else { return self }
        return factor < 1 ? areaAveraged(width: newWidth, height: newHeight) : bilinear(width: newWidth, height: newHeight)
    }

    /// Photographic negative: dark symbols on light ground become light on dark and back.
    public func inverted() -> GrayImage {
        GrayImage(width: width, height: height, pixels: pixels.map { 255 - $0 })
    }

    /// A 1-bit image: pixels darker than `threshold` become ink.
    public func thresholded(at threshold: UInt8 = 128) -> Bitmap {
        var bitmap = Bitmap(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width where pixels[y * width + x] < threshold {
                bitmap[x, y] = true
            }
        }
        return bitmap
    }

    private func areaAveraged(width newWidth: Int, height newHeight: Int) -> GrayImage {
        var out = [UInt8](repeating: 0, count: newWidth * newHeight)
        // Each output pixel averages the whole source rectangle it covers.
        let xBounds = (0...newWidth).map { $0 * width / newWidth }
        let yBounds = (0...newHeight).map { $0 * height / newHeight }
        for oy in 0..<newHeight {
            let y0 = yBounds[oy], y1 = max(yBounds[oy + 1], y0 + 1)
            for ox in 0..<newWidth {
                let x0 = xBounds[ox], x1 = max(xBounds[ox + 1], x0 + 1)
                var sum = 0
                for y in y0..<y1 {
                    let row = y * width
                    for x in x0..<x1 { sum += Int(pixels[row + x]) }
                }
                let area = (y1 - y0) * (x1 - x0)
                out[oy * newWidth + ox] = UInt8((sum + area / 2) / area)
            }
        }
        return GrayImage(width: newWidth, height: newHeight, pixels: out)
    }

    private func bilinear(width newWidth: Int, height newHeight: Int) -> GrayImage {
        var out = [UInt8](repeating: 0, count: newWidth * newHeight)
        let xRatio = Double(width) / Double(newWidth), yRatio = Double(height) / Double(newHeight)
        for oy in 0..<newHeight {
            let sy = max(0, (Double(oy) + 0.5) * yRatio - 0.5)
            let y0 = min(Int(sy), height - 1), y1 = min(y0 + 1, height - 1)
            let fy = sy - Double(y0)
            for ox in 0..<newWidth {
                let sx = max(0, (Double(ox) + 0.5) * xRatio - 0.5)
                let x0 = min(Int(sx), width - 1), x1 = min(x0 + 1, width - 1)
                let fx = sx - Double(x0)
                let top = Double(pixels[y0 * width + x0]) * (1 - fx) + Double(pixels[y0 * width + x1]) * fx
                let bottom = Double(pixels[y1 * width + x0]) * (1 - fx) + Double(pixels[y1 * width + x1]) * fx
                out[oy * newWidth + ox] = UInt8((top * (1 - fy) + bottom * fy).rounded())
            }
        }
        return GrayImage(width: newWidth, height: newHeight, pixels: out)
    }
}
