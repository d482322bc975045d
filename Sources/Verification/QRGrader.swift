import Imaging
import Symbology

/// Grades a QR symbol from one image, after ISO/IEC 15415 and 18004: the module grid is laid
/// through the decoder's four corners, each module is sampled at its centre, and the samples
/// are compared with the ideal grid.
struct QRGrader {
    private let image: GrayImage
    private let size: Int
    private let map: PerspectiveMap
    private let corners: [(x: Double, y: Double)]
    private let layout: QRSymbolLayout
    private let reference: QRReferenceGrid?
    /// Error correction codewords per block that can correct: all but the misdecode protection.
    private let correctingCodewords: Int
    /// Per module, row-major: the sampled gray level.
    private let samples: [Double]

    /// Nil when the corners do not give a grid the size of a QR symbol, or the level is unknown.
    init?(image: GrayImage, corners points: [DecodedSymbol.Point], level: String?, reference: QRReferenceGrid?) {
        guard points.count == 4 else { return nil }
        let quad = points.map { (x: Double($0.x), y: Double($0.y)) }
        // Try each corner as the top left: the one whose three finders fit best is the symbol's.
        var best: (score: Double, corners: [(x: Double, y: Double)], size: Int)?
        for turn in 0..<4 {
            let turned = Array(quad[turn...] + quad[..<turn])
            let candidates = reference.map { [$0.size] } ?? Array(stride(from: 21, through: 177, by: 4))
            for size in candidates {
                let score = Self.fit(image, PerspectiveMap(turned), size: size)
                if score > best?.score ?? -1 { best = (score, turned, size) }
            }
        }
        guard let best, best.score >= 0.8, let errorCorrection = level.flatMap(QRErrorCorrection.init(rawValue:)),
              let layout = QRSymbolLayout(size: best.size, errorCorrection: errorCorrection) else { return nil }
        self.image = image
        size = best.size
        corners = best.corners
        map = PerspectiveMap(best.corners)
        self.layout = layout
        correctingCodewords = layout.ecCodewordsPerBlock - errorCorrection.misdecodeProtection(size: best.size)
        self.reference = reference?.size == best.size ? reference : nil
        let map = self.map, size = best.size
        samples = (0..<(size * size)).map { Self.sample(image, map, size: size, x: $0 % size, y: $0 / size) }
    }

    func grade() -> QualityGrade {
        let sorted = samples.sorted()
        let rMin = sorted[sorted.count / 50], rMax = sorted[sorted.count - 1 - sorted.count / 50]
        let contrast = max(rMax - rMin, 1)
        let threshold = (rMax + rMin) / 2
        let measuredDark = samples.map { $0 < threshold }
        let idealDark = (0..<samples.count).map { reference?.modules[$0] ?? measuredDark[$0] }
        // Per module: 2|R - GT| / SC, and 0 when the module is on the wrong side of the threshold.
        let moduleGrades = samples.indices.map { index -> Double in
            guard measuredDark[index] == idealDark[index] else { return 0 }
            return QualityGrade.grade(min(1, 2 * abs(samples[index] - threshold) / contrast), atLeast: [0.5, 0.4, 0.3, 0.2])
        }
        let wrong = samples.indices.map { measuredDark[$0] != idealDark[$0] }
        var parameters = [QualityGrade.Parameter(name: "decode", value: nil, grade: 4)]
        let symbolContrast = contrast / 255
        parameters.append(.init(name: "symbol_contrast", value: symbolContrast, grade: QualityGrade.grade(symbolContrast, atLeast: [0.7, 0.55, 0.4, 0.2])))
        parameters.append(.init(name: "modulation", value: nil, grade: modulationGrade(moduleGrades: moduleGrades, wrong: wrong)))
        parameters.append(.init(name: "fixed_pattern_damage", value: nil, grade: fixedPatternGrade(moduleGrades: moduleGrades, wrong: wrong)))
        let axial = axialNonUniformity()
        parameters.append(.init(name: "axial_nonuniformity", value: axial, grade: QualityGrade.grade(axial, atMost: [0.06, 0.08, 0.10, 0.12])))
        let grid = gridNonUniformity(threshold: threshold)
        parameters.append(.init(name: "grid_nonuniformity", value: grid, grade: QualityGrade.grade(grid, atMost: [0.38, 0.50, 0.63, 0.75])))
        if reference != nil {
            let unused = unusedErrorCorrection(errors: codewordsWith(wrong), erasures: Array(repeating: [], count: layout.blockCount))
            parameters.append(.init(name: "unused_error_correction", value: unused, grade: QualityGrade.grade(unused, atLeast: [0.62, 0.50, 0.37, 0.25])))
        }
        return QualityGrade(overall: parameters.map(\.grade).min() ?? 0, parameters: parameters)
    }

    /// Modulation after 15415: at each grade level, codewords with a module below it are
    /// notional erasures; the level counts when the error correction left over still earns it.
    private func modulationGrade(moduleGrades: [Double], wrong: [Bool]) -> Double {
        let errors = codewordsWith(wrong)
        return [4.0, 3, 2, 1].first { level in
            let below = codewordsWith(moduleGrades.map { $0 < level })
            let erasures = zip(below, errors).map { $0.subtracting($1) }
            return QualityGrade.grade(unusedErrorCorrection(errors: errors, erasures: erasures), atLeast: [0.62, 0.50, 0.37, 0.25]) >= level
        } ?? 0
    }

    /// Fixed pattern damage: each finder with its separator by its count of damaged modules
    /// (0, 1, 2, 3, more), each timing pattern by its share of damaged modules (0, 7, 10, 13 %);
    /// at each level a module below it counts as damaged too.
    private func fixedPatternGrade(moduleGrades: [Double], wrong: [Bool]) -> Double {
        let finders = [(0, 0), (size - 8, 0), (0, size - 8)].map { x0, y0 in
            (0..<64).map { (x0 + $0 % 8) + (y0 + $0 / 8) * size }
        }
        let timings = [(8..<(size - 8)).map { 6 * size + $0 }, (8..<(size - 8)).map { $0 * size + 6 }]
        return [4.0, 3, 2, 1].first { level in
            let damaged = { (index: Int) in wrong[index] || moduleGrades[index] < level }
            let finderGrade = finders.map { Double(4 - min(4, $0.filter(damaged).count)) }.min() ?? 0
            let timingGrade = timings.map { modules in
                QualityGrade.grade(Double(modules.filter(damaged).count) / Double(modules.count), atMost: [0, 0.07, 0.10, 0.13])
            }.min() ?? 0
            return min(finderGrade, timingGrade) >= level
        } ?? 0
    }

    /// For each block, the codewords holding a module flagged in `flags`.
    private func codewordsWith(_ flags: [Bool]) -> [Set<Int>] {
        var blocks = [Set<Int>](repeating: [], count: layout.blockCount)
        for index in flags.indices where flags[index] {
            if let codeword = layout.codewordBit(x: index % size, y: index / size)?.codeword {
                blocks[layout.block(ofCodeword: codeword)].insert(codeword)
            }
        }
        return blocks
    }

    /// The lowest over blocks of 1 - (2 errors + erasures) / (d - p), ISO/IEC 15415 with d the
    /// block's error correction codewords and p its misdecode protection. zxing-cpp leaves p
    /// out, so versions 1 to 3 read lower here than there.
    private func unusedErrorCorrection(errors: [Set<Int>], erasures: [Set<Int>]) -> Double {
        let capacity = Double(correctingCodewords)
        return zip(errors, erasures).map { max(0, 1 - (2 * Double($0.count) + Double($1.count)) / capacity) }.min() ?? 0
    }

    /// |X - Y| / mean, from the average module pitch along each axis of the fitted grid.
    private func axialNonUniformity() -> Double {
        func distance(_ a: Int, _ b: Int) -> Double { ((corners[a].x - corners[b].x) * (corners[a].x - corners[b].x) + (corners[a].y - corners[b].y) * (corners[a].y - corners[b].y)).squareRoot() }
        let x = (distance(0, 1) + distance(3, 2)) / 2, y = (distance(0, 3) + distance(1, 2)) / 2
        return abs(x - y) / ((x + y) / 2)
    }

    /// The largest distance, in modules, between an edge of the timing patterns as printed and
    /// where the fitted grid puts it.
    private func gridNonUniformity(threshold: Double) -> Double {
        let steps = 8
        var worst = 0.0
        for vertical in [false, true] {
            var previous: Bool?
            for step in (8 * steps)...((size - 8) * steps) {
                let along = Double(step) / Double(steps)
                let point = vertical ? map(6.5 / Double(size), along / Double(size)) : map(along / Double(size), 6.5 / Double(size))
                let dark = Self.pixel(image, point.x, point.y) < threshold
                if let previous, previous != dark {
                    let edge = along - 0.5 / Double(steps)
                    worst = max(worst, abs(edge - edge.rounded()))
                }
                previous = dark
            }
        }
        return worst
    }

    /// How well the finder patterns and timing patterns of a `size` grid on `map` fit `image`:
    /// the share of those modules on the expected side of the image's mid gray.
    private static func fit(_ image: GrayImage, _ map: PerspectiveMap, size: Int) -> Double {
        // Modules must be at least about a pixel for the grid to mean anything.
        let corner = map(1, 1), origin = map(0, 0)
        guard abs(corner.x - origin.x) + abs(corner.y - origin.y) >= Double(size) else { return 0 }
        var pattern: [(x: Int, y: Int, dark: Bool)] = []
        for (x0, y0) in [(0, 0), (size - 7, 0), (0, size - 7)] {
            for y in 0..<7 {
                for x in 0..<7 {
                    let ring = max(abs(x - 3), abs(y - 3))
                    pattern.append((x0 + x, y0 + y, ring != 2))
                }
            }
        }
        for i in 8..<(size - 8) {
            pattern.append((i, 6, i % 2 == 0))
            pattern.append((6, i, i % 2 == 0))
        }
        let values = pattern.map { sample(image, map, size: size, x: $0.x, y: $0.y) }
        let threshold = ((values.min() ?? 0) + (values.max() ?? 255)) / 2
        let agreeing = zip(pattern, values).filter { ($1 < threshold) == $0.dark }.count
        return Double(agreeing) / Double(pattern.count)
    }

    /// The gray level of module (`x`, `y`): the mean of five points within 0.25 module of its
    /// centre, about the 0.8 X aperture 15415 asks for.
    private static func sample(_ image: GrayImage, _ map: PerspectiveMap, size: Int, x: Int, y: Int) -> Double {
        let n = Double(size)
        var sum = 0.0
        for (du, dv) in [(0.0, 0.0), (-0.25, 0), (0.25, 0), (0, -0.25), (0, 0.25)] {
            let point = map((Double(x) + 0.5 + du) / n, (Double(y) + 0.5 + dv) / n)
            sum += pixel(image, point.x, point.y)
        }
        return sum / 5
    }

    /// The pixel at (x, y), white outside the image (a label's paper).
    static func pixel(_ image: GrayImage, _ x: Double, _ y: Double) -> Double {
        let px = Int(x.rounded(.down)), py = Int(y.rounded(.down))
        guard px >= 0, py >= 0, px < image.width, py < image.height else { return 255 }
        return Double(image.pixels[py * image.width + px])
    }
}
