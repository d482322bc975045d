extension QRSegment {
    /// GS1 symbol data as the segments of a GS1 QR Code: the FNC1-in-first-position indicator,
    /// then the data in the fewest bits for the character-count widths of `version`.
    ///
    /// FNC1 separators arrive as GS (0x1D). Under FNC1 in first position (ISO/IEC 18004
    /// 7.4.8.1) numeric mode holds digits only; alphanumeric mode writes FNC1 as `%` and a
    /// data `%` as `%%`; byte mode writes FNC1 as GS and `%` as itself.
    ///
    /// The data must hold only CSET 82 characters and GS.
    static func gs1Segments(for data: [UInt8], in version: QRVersion) -> [QRSegment] {
        let plan = Plan(data: data, version: version)
        var segments: [QRSegment] = [.fnc1First]
        var start = 0
        for end in 1...data.count where end == data.count || plan.startsSegment[end] {
            let characters = data[start..<end]
            switch plan.modes[start] {
            case .numeric: segments.append(.numeric(characters))
            case .alphanumeric: segments.append(.alphanumeric(characters.flatMap { gs1Alphanumeric($0)! }))
            case .byte: segments.append(.byte(characters))
            }
            start = end
        }
        return segments
    }

    /// `character` in alphanumeric mode under FNC1 in first position, or nil if it has no
    /// alphanumeric form.
    fileprivate static func gs1Alphanumeric(_ character: UInt8) -> [UInt8]? {
        switch character {
        case 0x1D: Array("%".utf8)
        case UInt8(ascii: "%"): Array("%%".utf8)
        default: alphanumericValue(of: character).map { _ in [character] }
        }
    }
}

/// The shortest choice of mode for every character, by dynamic programming over
/// (characters written, state). The state is the mode of the open segment and how many
/// characters wait in its unfinished group: digits go three to 10 bits (the first of a group
/// costs 4, the next two 3 each) and alphanumerics two to 11 bits (6, then 5), so every
/// character's cost is exact and the plan is optimal, not an estimate.
///
/// Character counts never reach their field's limit: a segment that long exceeds the largest
/// symbol of the version range on its own.
private struct Plan {
    enum DataMode {
        case numeric, alphanumeric, byte

        /// Bits of the mode indicator and character count that open a segment.
        func headerBits(in version: QRVersion) -> Int {
            let mode: QRSegment.Mode = switch self {
            case .numeric: .numeric
            case .alphanumeric: .alphanumeric
            case .byte: .byte
            }
            return 4 + mode.characterCountWidth(for: version)
        }
    }

    struct State {
        var mode: DataMode
        /// Characters of an unfinished numeric triple or alphanumeric pair.
        var pending: Int

        static let all = [
            State(mode: .numeric, pending: 0), State(mode: .numeric, pending: 1),
            State(mode: .numeric, pending: 2), State(mode: .alphanumeric, pending: 0),
            State(mode: .alphanumeric, pending: 1), State(mode: .byte, pending: 0),
        ]

        var index: Int {
            switch mode {
            case .numeric: pending
            case .alphanumeric: 3 + pending
            case .byte: 5
            }
        }

        /// The state after writing `character` in this mode and the bits that took, or nil
        /// when the mode cannot hold it.
        func adding(_ character: UInt8) -> (state: State, bits: Int)? {
            switch mode {
            case .numeric:
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) else { return nil }
                return (State(mode: .numeric, pending: (pending + 1) % 3), pending == 0 ? 4 : 3)
            case .alphanumeric:
                guard let units = QRSegment.gs1Alphanumeric(character) else { return nil }
                var next = self
                var bits = 0
                for _ in units {
                    bits += next.pending == 0 ? 6 : 5
                    next.pending ^= 1
                }
                return (next, bits)
            case .byte:
                return (self, 8)
            }
        }
    }

    /// The mode of each character.
    let modes: [DataMode]
    /// Whether each character opens a new segment.
    let startsSegment: [Bool]

    init(data: [UInt8], version: QRVersion) {
        let stateCount = State.all.count
        let modeOrder = [DataMode.numeric, .alphanumeric, .byte]
        let headerBits = modeOrder.map { $0.headerBits(in: version) }
        // Entry (i, s): the fewest bits for the first i characters ending in state s, the state
        // before character i − 1 (−1 for none) and whether that character opened a segment.
        var cost = [Int](repeating: .max, count: (data.count + 1) * stateCount)
        var previous = [Int](repeating: -1, count: cost.count)
        var opens = [Bool](repeating: false, count: cost.count)

        func relax(_ position: Int, _ state: State, bits: Int, from source: Int, opening: Bool) {
            let entry = position * stateCount + state.index
            if bits < cost[entry] {
                cost[entry] = bits
                previous[entry] = source
                opens[entry] = opening
            }
        }

        for (position, character) in data.enumerated() {
            // Source −1 is the start, before any character.
            for source in position == 0 ? -1..<0 : 0..<stateCount {
                let base = source < 0 ? 0 : cost[position * stateCount + source]
                guard base != .max else { continue }
                let current = source < 0 ? nil : State.all[source]
                if let current, let (next, bits) = current.adding(character) {
                    relax(position + 1, next, bits: base + bits, from: source, opening: false)
                }
                // Reopening the current mode never helps: it costs a header and saves nothing.
                for (mode, header) in zip(modeOrder, headerBits) where mode != current?.mode {
                    if let (next, bits) = State(mode: mode, pending: 0).adding(character) {
                        relax(position + 1, next, bits: base + header + bits, from: source, opening: true)
                    }
                }
            }
        }

        var modes = [DataMode](repeating: .byte, count: data.count)
        var startsSegment = [Bool](repeating: false, count: data.count)
        let last = data.count * stateCount
        var state = (0..<stateCount).min { cost[last + $0] < cost[last + $1] }!
        for position in stride(from: data.count, to: 0, by: -1) {
            let entry = position * stateCount + state
            modes[position - 1] = State.all[state].mode
            startsSegment[position - 1] = opens[entry]
            state = previous[entry]
        }
        self.modes = modes
        self.startsSegment = startsSegment
    }
}
