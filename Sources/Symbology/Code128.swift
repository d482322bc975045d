/// Code 128 (ISO/IEC 15417) and GS1-128, encoded in the fewest symbol characters.
public enum Code128 {
    /// Light modules the standard requires on each side.
    public static let quietZone = 10

    /// Symbol values of the whole symbol: start, data (with code-set changes and shifts),
    /// check value (mod 103) and stop.
    ///
    /// - Parameters:
    ///   - data: ASCII (0…127). For GS1-128, GS (0x1D) separates element strings and becomes FNC1.
    ///   - gs1: Marks the symbol as GS1-128 with FNC1 right after the start character.
    public static func symbolValues(for data: [UInt8], gs1: Bool = false) throws(SymbologyError) -> [Int] {
        let symbology: SymbologyKind = gs1 ? .gs1_128 : .code128
        guard !data.isEmpty else { throw .emptyData(symbology: symbology) }
        var elements: [Element] = gs1 ? [.fnc1] : []
        for (position, byte) in data.enumerated() {
            guard byte < 128 else {
                throw .invalidCharacter(
                    symbology: symbology, byte: byte, position: position, allowed: "ASCII characters 0…127")
            }
            elements.append(gs1 && byte == 0x1D ? .fnc1 : .character(byte))
        }
        let values = Encoder(elements).values()
        let check = values.enumerated().reduce(values[0]) { sum, item in
            (sum + item.element * item.offset) % 103
        }
        return values + [check, stopValue]
    }

    /// The bar pattern of `data` (see `symbolValues(for:gs1:)`), with 10-module quiet zones.
    public static func pattern(for data: [UInt8], gs1: Bool = false) throws(SymbologyError) -> BarPattern {
        let values = try symbolValues(for: data, gs1: gs1)
        return BarPattern(
            widths: values.lazy.flatMap { patterns[$0] }, leadingQuietZone: quietZone, trailingQuietZone: quietZone)
    }

    static let stopValue = 106
}

extension Code128 {
    /// What one data position holds before it is given a code set.
    enum Element: Equatable {
        case character(UInt8)
        case fnc1

        var isDigit: Bool {
            if case .character(let byte) = self { return (0x30...0x39).contains(byte) }
            return false
        }
    }

    enum CodeSet: CaseIterable {
        // Order breaks ties: B holds all printable text, C only digit pairs.
        case b, c, a

        var startValue: Int {
            switch self {
            case .a: 103
            case .b: 104
            case .c: 105
            }
        }

        /// The value that switches to `self` from another set.
        var codeValue: Int {
            switch self {
            case .a: 101
            case .b: 100
            case .c: 99
            }
        }
    }

    /// A move from one data position: the values it emits and the elements it consumes.
    struct Move {
        var values: [Int]
        var consumed: Int
        var next: CodeSet
    }

    /// Shortest encoding by dynamic programming over (position, code set): `cost[i][set]` is the
    /// fewest symbol characters that encode elements `i...` when set `set` is active at `i`.
    /// Reading the result front to back and staying in the current set whenever that is still
    /// optimal puts an odd leading digit of a run in A or B, as ISO/IEC 15417 annex E does.
    struct Encoder {
        let elements: [Element]
        private var cost: [[Int]]
        private static let unreachable = Int.max / 4

        init(_ elements: [Element]) {
            self.elements = elements
            let sets = CodeSet.allCases.count
            cost = Array(repeating: Array(repeating: Self.unreachable, count: sets), count: elements.count + 1)
            cost[elements.count] = Array(repeating: 0, count: sets)
            for position in stride(from: elements.count - 1, through: 0, by: -1) {
                for set in CodeSet.allCases {
                    cost[position][set.index] = bestCost(at: position, in: set)
                }
            }
        }

        func values() -> [Int] {
            var set = CodeSet.allCases.min { cost[0][$0.index] < cost[0][$1.index] }!
            var values = [set.startValue]
            var position = 0
            while position < elements.count {
                let target = cost[position][set.index]
                let move = moves(at: position, in: set).first { total($0, from: position) == target }!
                values += move.values
                position += move.consumed
                set = move.next
            }
            return values
        }

        private func bestCost(at position: Int, in set: CodeSet) -> Int {
            moves(at: position, in: set).map { total($0, from: position) }.min() ?? Self.unreachable
        }

        private func total(_ move: Move, from position: Int) -> Int {
            move.values.count + cost[position + move.consumed][move.next.index]
        }

        /// Every way to encode the element at `position` while `set` is active, best-preferred first:
        /// in the set itself, by a one-character shift, or after a code change.
        private func moves(at position: Int, in set: CodeSet) -> [Move] {
            var moves: [Move] = []
            if let direct = direct(at: position, in: set) { moves.append(direct) }
            if case .character(let byte) = elements[position], moves.isEmpty, let shifted = shifted(set) {
                if let value = Self.value(of: byte, in: shifted) {
                    moves.append(Move(values: [98, value], consumed: 1, next: set))
                }
            }
            for other in CodeSet.allCases where other != set {
                if let direct = direct(at: position, in: other) {
                    moves.append(Move(values: [other.codeValue] + direct.values, consumed: direct.consumed, next: other))
                }
            }
            return moves
        }

        private func direct(at position: Int, in set: CodeSet) -> Move? {
            switch elements[position] {
            case .fnc1:
                return Move(values: [102], consumed: 1, next: set)
            case .character(let byte) where set == .c:
                guard position + 1 < elements.count, elements[position].isDigit, elements[position + 1].isDigit,
                    case .character(let second) = elements[position + 1]
                else { return nil }
                return Move(values: [Int(byte - 0x30) * 10 + Int(second - 0x30)], consumed: 2, next: .c)
            case .character(let byte):
                return Self.value(of: byte, in: set).map { Move(values: [$0], consumed: 1, next: set) }
            }
        }

        /// The set a shift character (98) reaches for one character.
        private func shifted(_ set: CodeSet) -> CodeSet? {
            switch set {
            case .a: .b
            case .b: .a
            case .c: nil
            }
        }

        /// Value of an ASCII character in set A (controls and upper case) or B (printable).
        private static func value(of byte: UInt8, in set: CodeSet) -> Int? {
            switch (set, byte) {
            case (.a, 0...31): Int(byte) + 64
            case (.a, 32...95), (.b, 32...127): Int(byte) - 32
            default: nil
            }
        }
    }
}

extension Code128.CodeSet {
    var index: Int { Self.allCases.firstIndex(of: self)! }
}
