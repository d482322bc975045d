/// One mode indicator of a QR bit stream and the data it announces (ISO/IEC 18004 7.4).
struct QRSegment: Equatable, Sendable {
    enum Mode: Equatable, Sendable {
        case numeric, alphanumeric, byte
        /// FNC1 in first position: the symbol carries GS1 data. A bare indicator, no data.
        case fnc1First

        var indicator: Int {
            switch self {
            case .numeric: 0b0001
            case .alphanumeric: 0b0010
            case .byte: 0b0100
            case .fnc1First: 0b0101
            }
        }

        /// Width of the character count that follows the indicator (ISO/IEC 18004 table 3).
        func characterCountWidth(for version: QRVersion) -> Int {
            let widths = switch self {
            case .numeric: [10, 12, 14]
            case .alphanumeric: [9, 11, 13]
            case .byte: [8, 16, 16]
            case .fnc1First: [0, 0, 0]
            }
            return widths[version.characterCountClass]
        }
    }

    let mode: Mode
    let characterCount: Int
    let data: QRBitBuffer

    static let fnc1First = QRSegment(mode: .fnc1First, characterCount: 0, data: QRBitBuffer())

    /// ASCII digits, three to 10 bits (two to 7, one to 4 at the end).
    static func numeric(_ digits: some Collection<UInt8>) -> QRSegment {
        var data = QRBitBuffer()
        let values = digits.map { Int($0 - 0x30) }
        for start in stride(from: 0, to: values.count, by: 3) {
            let group = values[start..<min(start + 3, values.count)]
            data.append(group.reduce(0) { $0 * 10 + $1 }, width: [0, 4, 7, 10][group.count])
        }
        return QRSegment(mode: .numeric, characterCount: values.count, data: data)
    }

    /// Characters of `alphanumericCharacters`, two to 11 bits (one to 6 at the end).
    static func alphanumeric(_ characters: some Collection<UInt8>) -> QRSegment {
        var data = QRBitBuffer()
        let values = characters.map { alphanumericValue(of: $0)! }
        for start in stride(from: 0, to: values.count, by: 2) {
            if start + 1 < values.count {
                data.append(values[start] * 45 + values[start + 1], width: 11)
            } else {
                data.append(values[start], width: 6)
            }
        }
        return QRSegment(mode: .alphanumeric, characterCount: values.count, data: data)
    }

    /// Any bytes, eight bits each.
    static func byte(_ bytes: some Collection<UInt8>) -> QRSegment {
        var data = QRBitBuffer()
        for byte in bytes { data.append(Int(byte), width: 8) }
        return QRSegment(mode: .byte, characterCount: bytes.count, data: data)
    }

    /// The 45 characters of alphanumeric mode, in value order.
    static let alphanumericCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    static func alphanumericValue(of character: UInt8) -> Int? {
        let value = alphanumericValues[Int(character)]
        return value < 0 ? nil : Int(value)
    }

    /// `alphanumericCharacters` inverted, for every byte; -1 where a byte has no value.
    private static let alphanumericValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, character) in alphanumericCharacters.enumerated() { table[Int(character)] = Int8(value) }
        return table
    }()

    /// Bits this segment takes in a symbol of `version`: indicator, count and data.
    func bitCount(in version: QRVersion) -> Int {
        4 + mode.characterCountWidth(for: version) + data.count
    }

    func append(to stream: inout QRBitBuffer, in version: QRVersion) {
        stream.append(mode.indicator, width: 4)
        stream.append(characterCount, width: mode.characterCountWidth(for: version))
        stream.append(data)
    }
}
