/// The answer to `~HS`: three `<STX>…<ETX><CR><LF>` frames of comma-separated fields.
///
/// Only the fields a station acts on are modelled; the rest are written as a printer with
/// default settings writes them. The Zebra guide's traps apply: a printer sends no answer at
/// all under paper out, ribbon out or head open, so ask `~HQES` for faults.
public struct ZPLHostStatus: Sendable, Hashable {
    public var paperOut = false
    public var paused = false
    /// Label length in dots (field `dddd`).
    public var labelLength = 0
    /// Formats received and not yet printed (field `eee`).
    public var formatsInBuffer = 0
    public var bufferFull = false
    /// A `^XA` has been received and its `^XZ` not yet (field `h`).
    public var partialFormat = false
    public var headUp = false
    public var ribbonOut = false
    /// Labels of the current batch still to print (field `uuuuuuuu`).
    public var labelsRemaining = 0

    public init() {}

    /// The three frames' fields, without STX, ETX or line endings.
    public var fields: [String] {
        let first = ["030", flag(paperOut), flag(paused), digits(labelLength, 4), digits(formatsInBuffer, 3),
                     flag(bufferFull), "0", flag(partialFormat), "000", "0", "0", "0"]
        let second = ["001", "0", flag(headUp), flag(ribbonOut), "1", "2", "4", "0", digits(labelsRemaining, 8), "1", "000"]
        return [first.joined(separator: ","), second.joined(separator: ","), "0000,0"]
    }

    /// The answer as a printer sends it.
    public var frames: [UInt8] {
        fields.flatMap { [0x02] + Array($0.utf8) + [0x03, 0x0D, 0x0A] }
    }

    /// Reads the three frames' fields (with or without STX/ETX), or `nil` if they are not an ~HS answer.
    public init?(parsing text: String) {
        let frames = text.split { $0 == "\u{02}" || $0 == "\u{03}" || $0.isNewline }
        guard frames.count == 3 else { return nil }
        let first = frames[0].split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        let second = frames[1].split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard first.count == 12, second.count == 11, !first.contains(nil), !second.contains(nil) else { return nil }
        paperOut = first[1] == 1
        paused = first[2] == 1
        labelLength = first[3]!
        formatsInBuffer = first[4]!
        bufferFull = first[5] == 1
        partialFormat = first[7] == 1
        headUp = second[2] == 1
        ribbonOut = second[3] == 1
        labelsRemaining = second[8]!
    }

    private func flag(_ value: Bool) -> String { value ? "1" : "0" }

    private func digits(_ value: Int, _ width: Int) -> String {
        let text = String(min(max(0, value), Int(pow10(width)) - 1))
        return String(repeating: "0", count: width - text.count) + text
    }

    private func pow10(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { result, _ in result * 10 } }
}
