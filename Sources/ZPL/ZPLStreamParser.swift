/// Splits a byte stream from a host into ZPL formats, `~` commands and SGD lines, however the
/// stream is cut into reads.
///
/// A byte-level state machine: it keeps only the command being read and the format being
/// collected, so a format may arrive one byte per read, and one read may hold many formats.
/// `~` commands are surfaced at once, even in the middle of a format, as a printer runs them.
/// `^CC`, `~CC`, `^CT` and `~CT` change the prefix characters for the bytes that follow.
///
/// Bad input never stops the stream: bytes outside a format that are not a command are
/// dropped, and a format (or a `~` download) over `maximumFormatSize` bytes is refused with
/// one `.refused` event and skipped up to its `^XZ`, so memory stays bounded.
public struct ZPLStreamParser: Sendable {
    /// 4 MiB: room for a full-width graphic at 24 dots/mm in ASCII hex.
    public static let defaultMaximumFormatSize = 4 << 20
    /// SGD lines are short; anything longer is not SGD.
    static let maximumSetGetDoLength = 4096

    public let maximumFormatSize: Int
    /// The current format prefix, `^` unless changed by `^CC`.
    public private(set) var caret = UInt8(ascii: "^")
    /// The current control prefix, `~` unless changed by `^CT`.
    public private(set) var tilde = UInt8(ascii: "~")
    /// Whether a `^XA` has been received and its `^XZ` not yet: ~HS reports it as a partial format.
    public private(set) var isInsideFormat = false

    private enum State { case idle, name, parameters, setGetDo, discarding }

    private var state = State.idle
    private var prefix = ZPLCommand.Prefix.format
    private var name: [UInt8] = []
    private var parameters: [UInt8] = []
    /// Parameters of a fixed length (`~HQES`, `^CC-`) end after this many bytes.
    private var fixedLength: Int?
    private var isSkippingFormat = false
    private var commands: [ZPLCommand] = []
    private var formatBytes: [UInt8] = []
    private var setGetDo: [UInt8] = []

    public init(maximumFormatSize: Int = defaultMaximumFormatSize) {
        self.maximumFormatSize = max(16, maximumFormatSize)
    }

    /// The events completed by `bytes`, in the order their last byte arrived.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ZPLStreamEvent] {
        var events: [ZPLStreamEvent] = []
        feed(bytes) { event, _ in events.append(event) }
        return events
    }

    /// Calls `emit` with each event as it completes and whether a format is open right after it.
    public mutating func feed(_ bytes: some Sequence<UInt8>, emit: (ZPLStreamEvent, _ insideFormat: Bool) -> Void) {
        // The byte loop runs over contiguous memory: a generic sequence walked from outside
        // this module costs an unspecialised call per byte, half the virtual printer's time.
        if bytes.withContiguousStorageIfAvailable({ feed(contiguous: $0, emit: emit) }) == nil {
            Array(bytes).withUnsafeBufferPointer { feed(contiguous: $0, emit: emit) }
        }
    }

    private mutating func feed(contiguous bytes: UnsafeBufferPointer<UInt8>, emit: (ZPLStreamEvent, _ insideFormat: Bool) -> Void) {
        var events: [ZPLStreamEvent] = []
        for byte in bytes {
            consume(byte, into: &events)
            guard !events.isEmpty else { continue }
            for event in events {
                emit(event, isInsideFormat)
            }
            events.removeAll(keepingCapacity: true)
        }
    }

    private mutating func consume(_ byte: UInt8, into events: inout [ZPLStreamEvent]) {
        if isInsideFormat && !isSkippingFormat {
            formatBytes.append(byte)
            if formatBytes.count > maximumFormatSize {
                events.append(.refused(ZPLError(
                    "format", .tooLong(length: formatBytes.count, limit: maximumFormatSize, unit: "bytes"))))
                isSkippingFormat = true
                commands = []
                formatBytes = []
            }
        }
        let isPrefix = byte == caret || byte == tilde
        if byte == 0x0D || byte == 0x0A {
            endLine(into: &events)
            return
        }
        switch state {
        case .idle, .discarding:
            if isPrefix {
                start(byte)
            } else if state == .idle && !isInsideFormat && byte == UInt8(ascii: "!") {
                state = .setGetDo
                setGetDo = [byte]
            }
        case .name:
            if isPrefix {
                start(byte)
            } else {
                readName(byte, into: &events)
            }
        case .parameters:
            if isPrefix && fixedLength != 1 {
                finish(into: &events)
                start(byte)
                return
            }
            if prefix == .format && isSkippingFormat {
                return
            }
            parameters.append(byte)
            if parameters.count > maximumFormatSize {
                events.append(.refused(ZPLError(
                    "\(prefix == .format ? "^" : "~")\(String(decoding: name, as: UTF8.self)) parameters",
                    .tooLong(length: parameters.count, limit: maximumFormatSize, unit: "bytes"))))
                parameters = []
                state = .discarding
            } else if parameters.count == fixedLength {
                finish(into: &events)
            }
        case .setGetDo:
            setGetDo.append(byte)
            if setGetDo.count > Self.maximumSetGetDoLength {
                events.append(.refused(ZPLError(
                    "SGD line", .tooLong(length: setGetDo.count, limit: Self.maximumSetGetDoLength, unit: "bytes"))))
                setGetDo = []
                state = .discarding
            } else if isCompleteSetGetDo {
                endLine(into: &events)
            }
        }
    }

    private mutating func start(_ byte: UInt8) {
        prefix = byte == caret ? .format : .control
        name = []
        parameters = []
        fixedLength = nil
        state = .name
    }

    private mutating func readName(_ byte: UInt8, into events: inout [ZPLStreamEvent]) {
        let upper = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 0x20 : byte
        if name == [UInt8(ascii: "A")] && prefix == .format && upper != UInt8(ascii: "@") {
            // `^A0N,28`: the font letter right after ^A is a parameter, not part of the name.
            parameters = [byte]
            state = .parameters
            return
        }
        name.append(upper)
        guard name.count == 2 else { return }
        state = .parameters
        let text = String(decoding: name, as: UTF8.self)
        let runsAtOnce = prefix == .control ? Self.controlsWithoutParameters.contains(text) : ["XA", "XZ", "FS"].contains(text)
        if runsAtOnce {
            finish(into: &events)
            return
        }
        switch (prefix, text) {
        case (.control, "HQ"):
            fixedLength = 2
        case (_, "CC"), (_, "CT"), (_, "CD"):
            fixedLength = 1
        default:
            break
        }
    }

    /// A line break ends an SGD line, and the parameters of a `~` command other than a download.
    private mutating func endLine(into events: inout [ZPLStreamEvent]) {
        switch state {
        case .setGetDo:
            events.append(.setGetDo(String(decoding: setGetDo, as: UTF8.self)))
            setGetDo = []
            state = .idle
        case .parameters where prefix == .control && !parameters.isEmpty
            && !Self.downloads.contains(String(decoding: name, as: UTF8.self)):
            finish(into: &events)
        default:
            break
        }
    }

    /// `! U1 getvar "name"` is complete at its second quote, `setvar` and `do` at their fourth:
    /// hosts often send no line ending.
    private var isCompleteSetGetDo: Bool {
        guard setGetDo.last == UInt8(ascii: "\"") else { return false }
        let quotes = setGetDo.count { $0 == UInt8(ascii: "\"") }
        let isGet = String(decoding: setGetDo, as: UTF8.self).lowercased().contains("getvar")
        return quotes == (isGet ? 2 : 4)
    }

    private mutating func finish(into events: inout [ZPLStreamEvent]) {
        let command = ZPLCommand(prefix, String(decoding: name, as: UTF8.self), parameters: parameters)
        state = .idle
        fixedLength = nil
        parameters = []
        switch command.name {
        case "CC":
            if let new = command.parameters.first, new != tilde { caret = new }
        case "CT":
            if let new = command.parameters.first, new != caret { tilde = new }
        default:
            break
        }
        if command.prefix == .control {
            events.append(.control(command))
            return
        }
        switch command.name {
        case "XA" where !isInsideFormat:
            isInsideFormat = true
            isSkippingFormat = false
            commands = []
            formatBytes = [caret, UInt8(ascii: "X"), UInt8(ascii: "A")]
        case "XA":
            // A ^XA inside a format changes nothing.
            break
        case "XZ" where isInsideFormat:
            if !isSkippingFormat {
                events.append(.format(ZPLScript(commands: commands, bytes: formatBytes)))
            }
            isInsideFormat = false
            isSkippingFormat = false
            commands = []
            formatBytes = []
        default:
            // A ^ command outside a format has nothing to belong to; a printer ignores it.
            if isInsideFormat && !isSkippingFormat {
                commands.append(command)
            }
        }
    }

    /// `~` commands that take no parameters, so they run the moment their name is complete:
    /// a host sends `~HS` and waits for the answer without sending anything after it.
    static let controlsWithoutParameters: Set<String> = [
        "HS", "HI", "HM", "HD", "HB", "HU", "JA", "JR", "JC", "JL", "JB", "PS", "WC",
    ]
    /// `~` downloads, whose data may span lines.
    static let downloads: Set<String> = ["DG", "DY", "DB", "DU", "DE", "DS", "DT", "DN"]
}
