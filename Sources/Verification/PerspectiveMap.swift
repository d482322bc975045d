/// The projective map from the unit square onto a quadrilateral: (0,0), (1,0), (1,1), (0,1) go
/// to the four corners in order. A photographed symbol's grid follows it when the label is flat.
struct PerspectiveMap {
    private let a11, a12, a13, a21, a22, a23, a31, a32: Double

    init(_ p: [(x: Double, y: Double)]) {
        let dx3 = p[0].x - p[1].x + p[2].x - p[3].x, dy3 = p[0].y - p[1].y + p[2].y - p[3].y
        if dx3 == 0, dy3 == 0 {
            (a11, a21, a31, a12, a22, a32, a13, a23) = (p[1].x - p[0].x, p[2].x - p[1].x, p[0].x, p[1].y - p[0].y, p[2].y - p[1].y, p[0].y, 0, 0)
        } else {
            let dx1 = p[1].x - p[2].x, dx2 = p[3].x - p[2].x, dy1 = p[1].y - p[2].y, dy2 = p[3].y - p[2].y
            let denominator = dx1 * dy2 - dx2 * dy1
            a13 = (dx3 * dy2 - dx2 * dy3) / denominator
            a23 = (dx1 * dy3 - dx3 * dy1) / denominator
            a11 = p[1].x - p[0].x + a13 * p[1].x
            a21 = p[3].x - p[0].x + a23 * p[3].x
            a31 = p[0].x
            a12 = p[1].y - p[0].y + a13 * p[1].y
            a22 = p[3].y - p[0].y + a23 * p[3].y
            a32 = p[0].y
        }
    }

    func callAsFunction(_ u: Double, _ v: Double) -> (x: Double, y: Double) {
        let w = a13 * u + a23 * v + 1
        return ((a11 * u + a21 * v + a31) / w, (a12 * u + a22 * v + a32) / w)
    }
}
