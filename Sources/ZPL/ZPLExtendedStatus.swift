/// The answer to `~HQES`: error and warning flags as two 32-bit words of nibbles each.
///
/// Error nibble 1 (the lowest bits): 1 media out, 2 ribbon out, 4 head open, 8 cutter fault;
/// nibble 2: 1 head over-temperature, 2 motor over-temperature. Warning nibble 1: 1 calibrate
/// media, 2 clean head, 4 replace head, 8 paper near end.
public struct ZPLExtendedStatus: Sendable, Hashable {
    public struct Errors: OptionSet, Sendable, Hashable {
        public let rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }
        public static let mediaOut = Errors(rawValue: 0x1)
        public static let ribbonOut = Errors(rawValue: 0x2)
        public static let headOpen = Errors(rawValue: 0x4)
        public static let cutterFault = Errors(rawValue: 0x8)
        public static let headOverTemperature = Errors(rawValue: 0x10)
        public static let motorOverTemperature = Errors(rawValue: 0x20)
    }

    public struct Warnings: OptionSet, Sendable, Hashable {
        public let rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }
        public static let calibrateMedia = Warnings(rawValue: 0x1)
        public static let cleanHead = Warnings(rawValue: 0x2)
        public static let replaceHead = Warnings(rawValue: 0x4)
        public static let paperNearEnd = Warnings(rawValue: 0x8)
    }

    public var errors: Errors
    public var warnings: Warnings

    public init(errors: Errors = [], warnings: Warnings = []) {
        self.errors = errors
        self.warnings = warnings
    }

    /// The answer as a printer sends it: one STX…ETX frame of three lines.
    public var frame: [UInt8] {
        let text = "\u{02}\r\n  PRINTER STATUS\r\n   ERRORS:         \(Self.line(errors.rawValue))\r\n"
            + "   WARNINGS:       \(Self.line(warnings.rawValue))\r\n\u{03}\r\n"
        return Array(text.utf8)
    }

    /// Reads an answer, or `nil` if it has no `ERRORS:` and `WARNINGS:` lines of the right form.
    public init?(parsing text: String) {
        guard let errors = Self.value(after: "ERRORS:", in: text),
              let warnings = Self.value(after: "WARNINGS:", in: text)
        else { return nil }
        self.errors = Errors(rawValue: errors)
        self.warnings = Warnings(rawValue: warnings)
    }

    /// `F GGGGGGGG HHHHHHHH`: the flag, then nibbles 16…9 and 8…1 in hex.
    private static func line(_ value: UInt64) -> String {
        "\(value == 0 ? 0 : 1) \(hex(value >> 32)) \(hex(value & 0xFFFF_FFFF))"
    }

    private static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - text.count) + text
    }

    private static func value(after label: String, in text: String) -> UInt64? {
        let bytes = Array(text.utf8), key = Array(label.utf8)
        guard bytes.count >= key.count,
              let start = (0...(bytes.count - key.count)).first(where: { bytes[$0..<($0 + key.count)].elementsEqual(key) })
        else { return nil }
        let rest = String(decoding: bytes[(start + key.count)...], as: UTF8.self)
        let words = rest.split(whereSeparator: { $0 == " " || $0.isNewline }).prefix(3)
        guard words.count == 3, words.dropFirst().allSatisfy({ $0.count == 8 }),
              let high = UInt64(words[words.startIndex + 1], radix: 16),
              let low = UInt64(words[words.startIndex + 2], radix: 16)
        else { return nil }
        return high << 32 | low
    }
}
