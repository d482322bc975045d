/// Reads EAN-13/UPC-A and EAN-8 symbols, with an EAN-2/EAN-5 add-on, from one `Scanline`.
///
/// Digits are matched edge to edge, as zxing does: the distances from one edge to the next
/// edge of the same kind (bar plus space) do not change when ink spreads or a threshold
/// makes every bar wider, where single run widths do. Those distances cannot tell 1 from 7
/// or 2 from 8; their bar widths, corrected by the spread measured in the guards, do.
/// Every distance must lie clearly near its nominal value, not merely round to it, and the
/// check digit must hold. Reads still need other rows to agree (`ScanlineEANReader`).
struct EANRowDecoder {
    let findsEAN13: Bool
    let findsEAN8: Bool
    let readsAddOns: Bool

    /// How far a measured edge-to-edge distance may lie from its nominal module count, and how
    /// much nearer the best digit pattern must lie than any other.
    /// A blurred photo moves narrow runs by up to half a module, so the nearest pattern is
    /// taken when within 0.6 and clearly nearer than any other: by 0.3 or more.
    static let tolerance: Float = 0.6
    static let margin: Float = 0.3
    /// Light modules a symbol needs on at least one side: not the standard 7–11, as a label's
    /// quiet zones are often trimmed, but more than any space inside a symbol (4).
    /// Each is 0.2 below the whole modules it stands for, as blur and pixel steps take a
    /// little off a measured width.
    static let fullQuietZone: Float = 5.8
    /// Light modules enough on the other side (3); a narrower zone down to `framedQuietZone`
    /// (2) is taken only before a frame, a label edge or the image border (see `isNarrowQuietZone`).
    static let narrowQuietZone: Float = 2.8
    static let framedQuietZone: Float = 1.8

    /// What one row shows of a symbol, positions in the scan line's coordinates.
    struct Read: Equatable {
        /// ASCII digits: 13 (UPC-A with a leading 0) or 8.
        var digits: [UInt8]
        var isEAN8: Bool
        /// ASCII digits of the add-on; empty when none was read.
        var addOn: [UInt8]
        /// Where the first bar starts and the last bar (of the add-on, when read) ends.
        var start: Float
        var end: Float
    }

    /// Every symbol the line shows, left to right.
    func reads(_ line: Scanline) -> [Read] {
        var found: [Read] = []
        var run = 1
        while run + 1 < line.widths.count {
            if line.isDark(run), let (read, next) = main(in: line, at: run) {
                found.append(read)
                run = next
            } else {
                run += 1
            }
        }
        return found
    }

    /// The symbol whose first bar is run `first`, and the run after it (and its add-on).
    private func main(in line: Scanline, at first: Int) -> (Read, Int)? {
        for halfDigits in [6, 4] where halfDigits == 6 ? findsEAN13 : findsEAN8 {
            if let read = main(in: line, at: first, halfDigits: halfDigits) { return read }
        }
        return nil
    }

    private func main(in line: Scanline, at first: Int, halfDigits: Int) -> (Read, Int)? {
        let runCount = 11 + 8 * halfDigits
        let after = first + runCount
        guard after < line.widths.count else { return nil }
        let module = line.width(from: first, count: runCount) / Float(11 + 14 * halfDigits)
        let middle = first + 3 + 4 * halfDigits
        let guards = [(first, 3), (middle, 5), (after - 3, 3)]
        guard guards.allSatisfy({ matches(line, at: $0.0, nominal: Array(repeating: 1, count: $0.1), module: module) }),
              hasQuietZones(line, before: first - 1, after: after, module: module) else { return nil }
        let spread = Self.spread(line, guards: guards, module: module)
        var digits: [Int] = []
        var parities = 0
        for index in 0..<halfDigits {
            let sets: [EANDigitPatterns.CodeSet] = halfDigits == 6 ? [.a, .b] : [.a]
            guard let (digit, set) = digit(in: line, at: first + 3 + 4 * index, sets: sets, module: module, spread: spread) else { return nil }
            digits.append(digit)
            if set == .b { parities |= 0b100000 >> index }
        }
        for index in 0..<halfDigits {
            guard let (digit, _) = digit(in: line, at: middle + 5 + 4 * index, sets: [.c], module: module, spread: spread) else { return nil }
            digits.append(digit)
        }
        if halfDigits == 6 {
            guard let leading = EANDigitPatterns.leftParities.firstIndex(of: parities) else { return nil }
            digits.insert(leading, at: 0)
        }
        guard EANDigitPatterns.hasValidCheckDigit(digits) else { return nil }
        var read = Read(
            digits: digits.map { UInt8(ascii: "0") + UInt8($0) }, isEAN8: halfDigits == 4, addOn: [],
            start: line.starts[first], end: line.starts[after]
        )
        if readsAddOns, let (addOn, end, next) = addOn(in: line, gap: after, module: module, spread: spread) {
            read.addOn = addOn.map { UInt8(ascii: "0") + UInt8($0) }
            read.end = end
            return (read, next)
        }
        return (read, after)
    }

    /// The add-on after a main symbol located by another decoder, which this line need not
    /// read: its last bar ends about at `end`, `module` pixels a module. Its ASCII digits, and
    /// where its first bar starts and its last bar ends.
    ///
    /// The located end may be some pixels off, so any light run starting within
    /// `locatedEndTolerance` modules of it is tried as the gap; the gap's width, the add-on's
    /// start guard and module size, its digits and their parity must all hold as for an add-on
    /// read after a main symbol on this line. The bar spread comes from the add-on's own guard
    /// and separators, as the main symbol's guards may be blurred beyond reading.
    func addOn(in line: Scanline, afterMainEndingAt end: Float, module: Float) -> (digits: [UInt8], start: Float, end: Float)? {
        guard module > 0 else { return nil }
        let reach = Self.locatedEndTolerance * module
        for gap in line.widths.indices where !line.isDark(gap) && abs(line.starts[gap] - end) <= reach {
            if let (digits, addOnEnd, _) = addOn(in: line, gap: gap, module: module, spread: nil) {
                return (digits.map { UInt8(ascii: "0") + UInt8($0) }, line.starts[gap + 1], addOnEnd)
            }
        }
        return nil
    }

    /// How far, in modules, the gap before an add-on may start from where another decoder
    /// located the main symbol's end: positions from a rescaled copy are a pixel or two off.
    static let locatedEndTolerance: Float = 3

    /// The EAN-5 or EAN-2 add-on after the light run `gap` that follows a main symbol: its
    /// digits, where its last bar ends, and the run after it. Without a `spread` from the main
    /// symbol's guards, the add-on's own one-module runs give it.
    private func addOn(in line: Scanline, gap: Int, module: Float, spread: Float?) -> ([Int], Float, Int)? {
        // The standard gap is 7–12 modules.
        guard !line.touchesEnd(gap), (5...15).contains(line.widths[gap] / module) else { return nil }
        let first = gap + 1
        for count in [5, 2] {
            let runCount = 3 + 4 * count + 2 * (count - 1)
            let after = first + runCount
            guard after < line.widths.count else { continue }
            let local = line.width(from: first, count: runCount) / Float(4 + 7 * count + 2 * (count - 1))
            guard abs(local / module - 1) < 0.2, matches(line, at: first, nominal: [1, 1, 2], module: local),
                  isNarrowQuietZone(line, at: after, outward: 1, module: local) else { continue }
            let spread = spread ?? Self.addOnSpread(line, first: first, count: count, module: local)
            var digits: [Int] = []
            var parities = 0
            for index in 0..<count {
                let run = first + 3 + 6 * index
                guard let (digit, set) = digit(in: line, at: run, sets: [.a, .b], module: local, spread: spread),
                      index == count - 1 || matches(line, at: run + 4, nominal: [1, 1], module: local) else { break }
                digits.append(digit)
                if set == .b { parities |= 1 << (count - 1 - index) }
            }
            guard digits.count == count else { continue }
            let valid = count == 5
                ? EANDigitPatterns.addOn5Parities[EANDigitPatterns.addOn5Check(digits)] == parities
                : (digits[0] * 10 + digits[1]) % 4 == parities
            if valid { return (digits, line.starts[after], after) }
        }
        return nil
    }

    /// The digit of one of `sets` whose four runs start at `run`: the pattern whose edge-to-edge
    /// distances lie nearest, when none lies almost as near; between two with the same
    /// distances (1/7, 2/8), the one whose bar width is clearly nearer.
    private func digit(
        in line: Scanline, at run: Int, sets: [EANDigitPatterns.CodeSet], module: Float, spread: Float
    ) -> (Int, EANDigitPatterns.CodeSet)? {
        let w = line.widths[run..<(run + 4)].map { $0 }
        let unit = (w[0] + w[1] + w[2] + w[3]) / 7
        guard abs(unit / module - 1) < 0.25 else { return nil }
        let measured = [(w[0] + w[1]) / unit, (w[1] + w[2]) / unit, (w[2] + w[3]) / unit]
        var best: [(digit: Int, set: EANDigitPatterns.CodeSet, barError: Float)] = []
        var bestError = Float.infinity, runnerUp = Float.infinity
        for set in sets {
            let bars = set.barRuns
            let barWidth = (w[bars.0] + w[bars.1]) / unit - spread
            for digit in 0..<10 {
                let p = EANDigitPatterns.widths(of: digit, in: set)
                let error = max(abs(measured[0] - p[0] - p[1]), abs(measured[1] - p[1] - p[2]), abs(measured[2] - p[2] - p[3]))
                let candidate = (digit, set, abs(barWidth - p[bars.0] - p[bars.1]))
                if error == bestError {
                    best.append(candidate)
                } else if error < bestError {
                    runnerUp = bestError
                    bestError = error
                    best = [candidate]
                } else {
                    runnerUp = min(runnerUp, error)
                }
            }
        }
        guard bestError <= Self.tolerance, runnerUp - bestError >= Self.margin,
              let chosen = best.min(by: { $0.barError < $1.barError }) else { return nil }
        // 1/7 and 2/8 differ by two modules of bar: the bars must be clearly nearer one.
        return chosen.barError <= (best.count > 1 ? 0.7 : 1.2) ? (chosen.digit, chosen.set) : nil
    }

    /// Whether the runs from `run` have about the `nominal` widths (in modules) edge to edge,
    /// at about `module` pixels a module.
    private func matches(_ line: Scanline, at run: Int, nominal: [Float], module: Float) -> Bool {
        let total = line.width(from: run, count: nominal.count)
        let unit = total / nominal.reduce(0, +)
        guard abs(unit / module - 1) < 0.3 else { return false }
        for index in 0..<(nominal.count - 1) {
            let measured = (line.widths[run + index] + line.widths[run + index + 1]) / unit
            guard abs(measured - nominal[index] - nominal[index + 1]) <= 0.5 else { return false }
        }
        return true
    }

    /// How much wider than nominal, in modules, two bars are: the guards' bars and spaces are
    /// all one module wide, so their mean difference is the ink spread or threshold bias.
    private static func spread(_ line: Scanline, guards: [(Int, Int)], module: Float) -> Float {
        var bars: Float = 0, spaces: Float = 0, barCount: Float = 0, spaceCount: Float = 0
        for (first, count) in guards {
            for run in first..<(first + count) {
                if line.isDark(run) {
                    bars += line.widths[run]
                    barCount += 1
                } else {
                    spaces += line.widths[run]
                    spaceCount += 1
                }
            }
        }
        return (bars / barCount - spaces / spaceCount) / module
    }

    /// The spread (see `spread`) of the add-on of `count` digits whose start guard is run
    /// `first`: its guard's first bar and space and the separators between digits (a space and
    /// a bar) are all one module wide.
    private static func addOnSpread(_ line: Scanline, first: Int, count: Int, module: Float) -> Float {
        var bars = line.widths[first], spaces = line.widths[first + 1]
        for index in 0..<(count - 1) {
            let separator = first + 3 + 6 * index + 4
            spaces += line.widths[separator]
            bars += line.widths[separator + 1]
        }
        return (bars - spaces) / Float(count) / module
    }

    /// Whether the light runs `before` and `after` a main symbol are wide enough: one of them
    /// `fullQuietZone`, the other at least a narrow quiet zone.
    private func hasQuietZones(_ line: Scanline, before: Int, after: Int, module: Float) -> Bool {
        let left = line.widths[before] / module, right = line.widths[after] / module
        return left >= Self.fullQuietZone && isNarrowQuietZone(line, at: after, outward: 1, module: module)
            || right >= Self.fullQuietZone && isNarrowQuietZone(line, at: before, outward: -1, module: module)
    }

    /// Whether the light run `run` is a quiet zone of at least `narrowQuietZone` modules, or
    /// of `framedQuietZone` when what lies beyond cannot be bars of another symbol: the image
    /// border, or a dark run of 4.5 modules or more (wider than any bar) such as a frame or the
    /// ground beside a label.
    private func isNarrowQuietZone(_ line: Scanline, at run: Int, outward: Int, module: Float) -> Bool {
        let width = line.widths[run] / module
        if width >= Self.narrowQuietZone { return true }
        guard width >= Self.framedQuietZone else { return false }
        let beyond = run + outward
        return line.touchesEnd(run) || line.touchesEnd(beyond) || line.widths[beyond] / module >= 4.5
    }
}
