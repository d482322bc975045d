import Imaging

extension LabelDegradation {
    /// The label seen by a camera tilted back from it: a projective map that keeps the bottom
    /// edge of the label's dark extent and shortens the top edge by `shrink` (0.2 = 20 %),
    /// rows foreshortened towards the top as well. Nearest pixel, ground where nothing maps.
    static func keystone(_ image: GrayImage, shrink: Double) -> GrayImage {
        let box = darkExtent(image, margin: 12)
        let x0 = Double(box.x), y0 = Double(box.y), w = Double(box.width), h = Double(box.height)
        let inset = shrink * w / 2
        let toLabel = Projective(square: [(x0 + inset, y0), (x0 + w - inset, y0), (x0 + w, y0 + h), (x0, y0 + h)])
        let toSquare = toLabel.inverted()
        var out = image
        for y in box.y..<(box.y + box.height) {
            for x in box.x..<(box.x + box.width) {
                let (u, v) = toSquare(Double(x) + 0.5, Double(y) + 0.5)
                guard (0..<1).contains(u), (0..<1).contains(v) else { out[x, y] = 235; continue }
                out[x, y] = image[box.x + Int(u * w), box.y + Int(v * h)]
            }
        }
        return out
    }

    /// The smallest rectangle holding every dark pixel, grown by `margin` within the image, so
    /// the warp moves the symbol and its quiet zone but no edge of the ground.
    private static func darkExtent(_ image: GrayImage, margin: Int) -> (x: Int, y: Int, width: Int, height: Int) {
        var (minX, minY, maxX, maxY) = (image.width, image.height, -1, -1)
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] < 128 {
                (minX, minY, maxX, maxY) = (min(minX, x), min(minY, y), max(maxX, x), max(maxY, y))
            }
        }
        let left = max(0, minX - margin), top = max(0, minY - margin)
        return (left, top, min(image.width, maxX + margin + 1) - left, min(image.height, maxY + margin + 1) - top)
    }
}

/// A plane projective map as a 3×3 matrix, row-major, acting on (x, y, 1).
private struct Projective {
    let m: [Double]

    /// The map taking the unit square's corners (0,0), (1,0), (1,1), (0,1) to `p` in order
    /// (Heckbert's closed form).
    init(square p: [(x: Double, y: Double)]) {
        let dx1 = p[1].x - p[2].x, dx2 = p[3].x - p[2].x, dx3 = p[0].x - p[1].x + p[2].x - p[3].x
        let dy1 = p[1].y - p[2].y, dy2 = p[3].y - p[2].y, dy3 = p[0].y - p[1].y + p[2].y - p[3].y
        let denominator = dx1 * dy2 - dx2 * dy1
        let g = (dx3 * dy2 - dx2 * dy3) / denominator, h = (dx1 * dy3 - dx3 * dy1) / denominator
        m = [p[1].x - p[0].x + g * p[1].x, p[3].x - p[0].x + h * p[3].x, p[0].x,
             p[1].y - p[0].y + g * p[1].y, p[3].y - p[0].y + h * p[3].y, p[0].y,
             g, h, 1]
    }

    private init(m: [Double]) { self.m = m }

    /// The inverse map: the adjugate, as a projective matrix needs no scale.
    func inverted() -> Projective {
        let (a, b, c, d, e, f, g, h, i) = (m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8])
        return Projective(m: [e * i - f * h, c * h - b * i, b * f - c * e,
                              f * g - d * i, a * i - c * g, c * d - a * f,
                              d * h - e * g, b * g - a * h, a * e - b * d])
    }

    func callAsFunction(_ x: Double, _ y: Double) -> (Double, Double) {
        let w = m[6] * x + m[7] * y + m[8]
        return ((m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w)
    }
}
