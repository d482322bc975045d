import Symbology

/// `^BC` field data as a Zebra printer reads it, turned into Code 128 symbol values.
///
/// Mode N takes the ZPL invocation codes literally: `>9` `>:` `>;` start subset A, B or C,
/// `>7` `>6` `>5` switch to A, B or C (or are FNC4 within that subset), `>8` is FNC1, `>0` is
/// `>`, `><` is `^`, `>=` is `~`. In subset A a pair of digits is a value of its own
/// (`52` is `T`), as printers and Labelary read it. Modes A, D and U encode the data with the
/// shortest encoder instead; D and U are GS1-128.
enum ZPLCode128 {
    enum Mode: Sendable {
        case none, ucc, automatic, gs1

        init(_ letter: String) {
            switch letter {
            case "U": self = .ucc
            case "A": self = .automatic
            case "D": self = .gs1
            default: self = .none
            }
        }
    }

    /// The bar pattern and the human-readable text of `data` in `mode`.
    static func symbol(_ data: [UInt8], mode: Mode) throws(SymbologyError) -> (pattern: BarPattern, text: String) {
        switch mode {
        case .automatic:
            let pattern = try Code128.pattern(for: data)
            return (Self.withoutQuietZones(pattern), String(decoding: data, as: UTF8.self))
        case .gs1:
            // Mode D prints parentheses and spaces but does not encode them; `>8` separates elements.
            var symbolData: [UInt8] = []
            var index = 0
            while index < data.count {
                if data[index] == UInt8(ascii: ">"), index + 1 < data.count, data[index + 1] == UInt8(ascii: "8") {
                    if !symbolData.isEmpty { symbolData.append(0x1D) }
                    index += 2
                    continue
                }
                if ![UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: " ")].contains(data[index]) {
                    symbolData.append(data[index])
                }
                index += 1
            }
            let pattern = try Code128.pattern(for: symbolData, gs1: true)
            return (Self.withoutQuietZones(pattern), String(decoding: data, as: UTF8.self))
        case .ucc:
            // Mode U: 19 digits (zero-padded or cut), then a mod-10 check digit, after FNC1.
            var digits = data.filter { (0x30...0x39).contains($0) }.prefix(19).map { Int($0 - 0x30) }
            digits = Array(repeating: 0, count: 19 - digits.count) + digits
            let sum = digits.reversed().enumerated().reduce(0) { $0 + $1.element * ($1.offset.isMultiple(of: 2) ? 3 : 1) }
            digits.append((10 - sum % 10) % 10)
            var values = [105, 102]
            for pair in stride(from: 0, to: 20, by: 2) { values.append(digits[pair] * 10 + digits[pair + 1]) }
            return (try Code128.pattern(symbolValues: values), digits.map(String.init).joined())
        case .none:
            return try invocationCodes(data)
        }
    }

    private static func withoutQuietZones(_ pattern: BarPattern) -> BarPattern {
        BarPattern(modules: pattern.modules, leadingQuietZone: 0, trailingQuietZone: 0)
    }

    private enum Subset { case a, b, c }

    private static func invocationCodes(_ data: [UInt8]) throws(SymbologyError) -> (pattern: BarPattern, text: String) {
        var index = 0
        var subset = Subset.b
        var values: [Int] = []
        if data.count >= 2, data[0] == UInt8(ascii: ">"), let start = [UInt8(ascii: "9"): Subset.a, UInt8(ascii: ":"): .b, UInt8(ascii: ";"): .c][data[1]] {
            subset = start
            index = 2
        }
        values.append(subset == .a ? 103 : subset == .b ? 104 : 105)
        var text: [UInt8] = []
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        while index < data.count {
            let byte = data[index]
            if byte == UInt8(ascii: ">"), index + 1 < data.count {
                let code = data[index + 1]
                index += 2
                switch code {
                case UInt8(ascii: "0"), UInt8(ascii: "<"), UInt8(ascii: "="):
                    let literal = code == UInt8(ascii: "0") ? UInt8(ascii: ">") : code == UInt8(ascii: "<") ? UInt8(ascii: "^") : UInt8(ascii: "~")
                    if subset == .c { values.append(100); subset = .b }
                    values.append(Int(literal) - 32)
                    text.append(literal)
                case UInt8(ascii: "1")...UInt8(ascii: "8"):
                    let value = 94 + Int(code - UInt8(ascii: "0"))
                    values.append(value)
                    switch (value, subset) {
                    case (99, .a), (99, .b): subset = .c
                    case (100, .a), (100, .c): subset = .b
                    case (101, .b), (101, .c): subset = .a
                    default: break
                    }
                default:
                    break
                }
                continue
            }
            let isPair = index + 1 < data.count && isDigit(byte) && isDigit(data[index + 1])
            switch subset {
            case .c where isPair, .a where isPair:
                let value = Int(byte - 0x30) * 10 + Int(data[index + 1] - 0x30)
                values.append(value)
                text.append(contentsOf: subset == .c ? [byte, data[index + 1]] : [UInt8(value + 32)])
                index += 2
            case .c:
                // A lone digit or a letter in subset C: a printer goes on in subset B.
                values.append(100)
                subset = .b
            case .a:
                values.append(byte < 0x20 ? Int(byte) + 64 : Int(min(byte, 0x5F)) - 32)
                text.append(byte)
                index += 1
            case .b:
                values.append(max(0, min(95, Int(byte) - 32)))
                text.append(byte)
                index += 1
            }
        }
        return (try Code128.pattern(symbolValues: values), String(decoding: text, as: UTF8.self))
    }
}
