import Imaging

/// Preprocessing steps that help zbar on soft, dim or unevenly lit photos. Each returns a new
/// image of the same size.
extension GrayImage {
    /// Unsharp mask: each pixel pushed away from the mean of its (2r+1)² neighbourhood by
    /// `amount` times the difference, which steepens the edges defocus has smeared.
    func unsharpMasked(radius: Int = 2, amount: Int = 1) -> GrayImage {
        let sums = IntegralImage(self)
        var out = pixels
        for y in 0..<height {
            for x in 0..<width {
                let pixel = Int(pixels[y * width + x])
                let mean = sums.mean(x: x, y: y, radius: radius)
                out[y * width + x] = UInt8(clamping: pixel + amount * (pixel - mean))
            }
        }
        return GrayImage(width: width, height: height, pixels: out)
    }

    /// Black where a pixel is darker than the mean around it by more than `offset`, else
    /// white: a shadow or a gradient across the label no longer swallows its bars. The window
    /// spans about a tenth of the shorter side, several modules at any sensible print size.
    func locallyThresholded(offset: Int = 4) -> GrayImage {
        let sums = IntegralImage(self)
        let radius = Swift.max(7, Swift.min(50, Swift.min(width, height) / 20))
        var out = pixels
        for y in 0..<height {
            for x in 0..<width {
                let pixel = Int(pixels[y * width + x])
                out[y * width + x] = pixel + offset < sums.mean(x: x, y: y, radius: radius) ? 0 : 255
            }
        }
        return GrayImage(width: width, height: height, pixels: out)
    }

    /// The 1st to 99th percentile of brightness spread over 0–255, so a dim or washed-out
    /// photo uses the whole range; nil when the image has almost no contrast to spread.
    func contrastStretched() -> GrayImage? {
        var histogram = [Int](repeating: 0, count: 256)
        for pixel in pixels { histogram[Int(pixel)] += 1 }
        let tail = pixels.count / 100
        var low = 0, high = 255, seen = 0
        while low < 255, seen + histogram[low] <= tail {
            seen += histogram[low]
            low += 1
        }
        seen = 0
        while high > 0, seen + histogram[high] <= tail {
            seen += histogram[high]
            high -= 1
        }
        guard high - low >= 8 else { return nil }
        let table = (0...255).map { UInt8(clamping: ($0 - low) * 255 / (high - low)) }
        return GrayImage(width: width, height: height, pixels: pixels.map { table[Int($0)] })
    }

    /// The part of the image inside `region`, which must lie within it.
    func cropped(to region: BarcodeDecoder.Region) -> GrayImage {
        var out: [UInt8] = []
        out.reserveCapacity(region.width * region.height)
        for y in region.y..<(region.y + region.height) {
            let start = y * width + region.x
            out += pixels[start..<(start + region.width)]
        }
        return GrayImage(width: region.width, height: region.height, pixels: out)
    }
}

/// Sums of every rectangle from the origin, so the mean of any window costs four lookups.
private struct IntegralImage {
    let width: Int
    let height: Int
    /// (width + 1) × (height + 1): row 0 and column 0 are zero.
    private var sums: [Int]

    init(_ image: GrayImage) {
        width = image.width
        height = image.height
        sums = [Int](repeating: 0, count: (width + 1) * (height + 1))
        for y in 0..<height {
            var row = 0
            for x in 0..<width {
                row += Int(image.pixels[y * width + x])
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row
            }
        }
    }

    /// The mean of the window of `radius` around (`x`, `y`), clipped to the image.
    func mean(x: Int, y: Int, radius: Int) -> Int {
        let x0 = Swift.max(0, x - radius), x1 = Swift.min(width, x + radius + 1)
        let y0 = Swift.max(0, y - radius), y1 = Swift.min(height, y + radius + 1)
        let stride = width + 1
        let sum = sums[y1 * stride + x1] - sums[y0 * stride + x1] - sums[y1 * stride + x0] + sums[y0 * stride + x0]
        return sum / ((x1 - x0) * (y1 - y0))
    }
}
