/// One row of an image as alternating light and dark runs with sub-pixel widths.
///
/// Edges are found between the row's local extremes rather than at one threshold, so a shadow
/// or a gradient moves nothing. A blurred narrow space never reaches the white of a wide one:
/// a global threshold loses it, while halfway between its own extremes makes it too wide.
/// Each edge lies where the profile crosses the mean of those two levels (see `level`).
struct Scanline {
    /// Widths of the runs, left to right; the first starts at 0 and the last ends at the row's end.
    let widths: [Float]
    /// Where each run starts.
    let starts: [Float]
    /// Whether the first run is dark.
    let startsDark: Bool

    func isDark(_ run: Int) -> Bool { run.isMultiple(of: 2) == startsDark }

    /// Whether run `index` reaches an end of the row, so its true width is unknown.
    func touchesEnd(_ index: Int) -> Bool { index == 0 || index == widths.count - 1 }

    /// The sum of `count` widths from `first`.
    func width(from first: Int, count: Int) -> Float {
        var sum: Float = 0
        for index in first..<(first + count) { sum += widths[index] }
        return sum
    }

    /// The runs of `profile` (gray values, dark low). A swing smaller than `minimumSwing` or
    /// than an eighth of the row's range is taken as noise, not as an edge.
    init(profile: [Float], minimumSwing: Float = 10) {
        let low = profile.min() ?? 0, high = profile.max() ?? 0
        let swing = max(minimumSwing, (high - low) / 8)
        let extremes = Self.extremes(of: profile, swing: swing)
        var edges: [Float] = []
        for k in 0..<max(0, extremes.count - 1) {
            edges.append(Self.crossing(in: profile, from: extremes[k], to: extremes[k + 1], level: Self.level(profile, extremes, k)))
        }
        let positions = [0] + edges + [Float(profile.count)]
        widths = zip(positions, positions.dropFirst()).map { $1 - $0 }
        starts = Array(positions.dropLast())
        // The first extreme is the first run's: a minimum makes it dark.
        startsDark = extremes.first.map { !$0.isMaximum } ?? false
    }

    /// The same row read from right to left.
    func mirrored() -> Scanline {
        let reversed = Array(widths.reversed())
        var starts: [Float] = []
        var x: Float = 0
        for width in reversed {
            starts.append(x)
            x += width
        }
        return Scanline(widths: reversed, starts: starts, startsDark: isDark(widths.count - 1))
    }

    /// The row's length in pixels.
    var length: Float { (starts.last ?? 0) + (widths.last ?? 0) }

    private init(widths: [Float], starts: [Float], startsDark: Bool) {
        self.widths = widths
        self.starts = starts
        self.startsDark = startsDark
    }

    private struct Extreme {
        var index: Int
        var isMaximum: Bool
    }

    /// Alternating maxima and minima, each differing from the next by at least `swing`.
    private static func extremes(of profile: [Float], swing: Float) -> [Extreme] {
        guard !profile.isEmpty else { return [] }
        var found: [Extreme] = []
        var maxIndex = 0, minIndex = 0
        // nil until the first swing shows which way the profile goes.
        var rising: Bool?
        for x in 1..<profile.count {
            let value = profile[x]
            switch rising {
            case nil:
                if value > profile[maxIndex] { maxIndex = x }
                if value < profile[minIndex] { minIndex = x }
                if value - profile[minIndex] >= swing {
                    found.append(Extreme(index: minIndex, isMaximum: false))
                    rising = true
                    maxIndex = x
                } else if profile[maxIndex] - value >= swing {
                    found.append(Extreme(index: maxIndex, isMaximum: true))
                    rising = false
                    minIndex = x
                }
            case true?:
                if value > profile[maxIndex] {
                    maxIndex = x
                } else if profile[maxIndex] - value >= swing {
                    found.append(Extreme(index: maxIndex, isMaximum: true))
                    rising = false
                    minIndex = x
                }
            case false?:
                if value < profile[minIndex] {
                    minIndex = x
                } else if value - profile[minIndex] >= swing {
                    found.append(Extreme(index: minIndex, isMaximum: false))
                    rising = true
                    maxIndex = x
                }
            }
        }
        // The last extreme is still open: close it so the last edge is kept.
        if let rising {
            found.append(rising ? Extreme(index: maxIndex, isMaximum: true) : Extreme(index: minIndex, isMaximum: false))
        }
        return found
    }

    /// The level of the edge between extremes `k` and `k + 1`: halfway between their own
    /// midpoint and the midpoint of the extremes of the runs around them, kept within the
    /// middle half of the edge's own swing.
    private static func level(_ profile: [Float], _ extremes: [Extreme], _ k: Int) -> Float {
        let a = profile[extremes[k].index], b = profile[extremes[k + 1].index]
        let low = min(a, b), high = max(a, b)
        var wideLow = low, wideHigh = high
        for j in max(0, k - 3)...min(extremes.count - 1, k + 4) {
            wideLow = min(wideLow, profile[extremes[j].index])
            wideHigh = max(wideHigh, profile[extremes[j].index])
        }
        let level = ((low + high) / 2 + (wideLow + wideHigh) / 2) / 2
        return min(max(level, low + (high - low) / 4), high - (high - low) / 4)
    }

    /// Where the profile first crosses `level` between the extremes `a` and `b`, interpolated
    /// between pixel centres.
    private static func crossing(in profile: [Float], from a: Extreme, to b: Extreme, level: Float) -> Float {
        var x = a.index
        while x + 1 < b.index, (profile[x + 1] - level) * (profile[a.index] - level) > 0 { x += 1 }
        let v0 = profile[x], v1 = profile[x + 1]
        let t = v1 == v0 ? 0.5 : (level - v0) / (v1 - v0)
        return Float(x) + 0.5 + min(max(t, 0), 1)
    }
}
