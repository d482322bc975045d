@testable import Symbology

/// A small Code 128 reader for tests, written from the standard's tables independently of the
/// encoder's set choice: widths → symbol values → bytes, with the check value verified.
struct Code128Reader {
    struct Reading: Equatable {
        var values: [Int]
        var data: [UInt8]
        /// FNC1 right after the start character.
        var isGS1: Bool
    }

    enum Failure: Error { case badWidths, unknownPattern, badCheckValue, badValue(Int) }

    static func read(_ pattern: BarPattern) throws -> Reading {
        let widths = pattern.widths
        guard widths.count >= 19, (widths.count - 7) % 6 == 0, widths.suffix(7) == [2, 3, 3, 1, 1, 1, 2] else {
            throw Failure.badWidths
        }
        var values: [Int] = []
        for start in stride(from: 0, to: widths.count - 7, by: 6) {
            guard let value = Code128.patterns.firstIndex(of: Array(widths[start..<start + 6])) else {
                throw Failure.unknownPattern
            }
            values.append(value)
        }
        let check = values.dropLast().enumerated().reduce(0) { $0 + $1.element * max($1.offset, 1) } % 103
        guard check == values.last else { throw Failure.badCheckValue }
        return try interpret(values + [106])
    }

    static func interpret(_ values: [Int]) throws -> Reading {
        enum Set { case a, b, c }
        var set: Set
        switch values.first {
        case 103: set = .a
        case 104: set = .b
        case 105: set = .c
        default: throw Failure.badValue(values.first ?? -1)
        }
        var data: [UInt8] = []
        var isGS1 = false
        var shiftNext = false
        for (index, value) in values.dropFirst().dropLast(2).enumerated() {
            let current = shiftNext ? (set == .a ? Set.b : Set.a) : set
            shiftNext = false
            switch (current, value) {
            case (_, 102):
                if index == 0 { isGS1 = true } else { data.append(0x1D) }
            case (.c, 0...99): data += [UInt8(value / 10) + 0x30, UInt8(value % 10) + 0x30]
            case (.a, 0...63), (.b, 0...95): data.append(UInt8(value + 32))
            case (.a, 64...95): data.append(UInt8(value - 64))
            case (.a, 98), (.b, 98): shiftNext = true
            case (.a, 99), (.b, 99): set = .c
            case (.a, 100), (.c, 100): set = .b
            case (.b, 101), (.c, 101): set = .a
            default: throw Failure.badValue(value)
            }
        }
        return Reading(values: values, data: data, isGS1: isGS1)
    }
}
