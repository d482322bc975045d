#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
///
/// Parameter bytes between prefixes are taken a run at a time rather than byte by byte: a
/// `^GF` graphic or a comment is most of a format's bytes and holds no command.
public struct ZPLStreamParser: Sendable {
    /// 4 MiB: room for a full-width graphic at 24 dots/mm in ASCII hex.
    public static let defaultMaximumFormatSize = 4 << 20
    /// SGD lines are short; anything longer is not SGD.
    static let maximumSetGetDoLength = 4096

    public let maximumFormatSize: Int
    /// The `^` commands a format keeps, or `nil` for all; the others are skipped without
    /// collecting their parameters. `^XA`, `^XZ`, `^CC`, `^CT` and `^CD` are still read for
    /// what they do to the stream.
    public let keptCommands: Set<String>?
    /// The current format prefix, `^` unless changed by `^CC`.
    public private(set) var caret = UInt8(ascii: "^")
    /// The current control prefix, `~` unless changed by `^CT`.
    public private(set) var tilde = UInt8(ascii: "~")
    /// Whether a `^XA` has been received and its `^XZ` not yet: ~HS reports it as a partial format.
    public private(set) var isInsideFormat = false

    private enum State { case idle, name, parameters, setGetDo, discarding }

    private var state = State.idle
    private var prefix = ZPLCommand.Prefix.format
    private var name = ZPLCommandName()
    private let keptNames: ZPLCommandNameSet?
    /// `keptNames` and the names always read with them.
    private let readNames: ZPLCommandNameSet?
    /// Whether the command being read goes into the format; false for a `^` command not kept.
    private var isKept = true
    private var parameters: [UInt8] = []
    /// Parameters of a fixed length (`~HQES`, `^CC-`) end after this many bytes.
    private var fixedLength: Int?
    private var isSkippingFormat = false
    private var commands: [ZPLCommand] = []
    /// The open format's bytes up to the read under way; `feed` adds that read's share in one
    /// copy when the format ends or the read does, rather than byte by byte.
    private var formatBytes: [UInt8] = []
    /// The open format's length so far, the read under way included.
    private var formatLength = 0
    /// Set by `^XZ` for `feed` to complete the format's bytes and pass it on.
    private var formatEnded = false
    /// The last format's size: the next one is likely alike, so its bytes are reserved at once.
    private var lastFormatSize = 0
    private var setGetDo: [UInt8] = []
    /// Where the next `nextTildeByte` is in the read under way (its end when there is none),
    /// for `controlPrefix`; -1 until looked for in this read.
    private var nextTilde = -1
    private var nextTildeByte = UInt8(ascii: "~")

    public init(maximumFormatSize: Int = defaultMaximumFormatSize, keptCommands: Set<String>? = nil) {
        self.maximumFormatSize = max(16, maximumFormatSize)
        self.keptCommands = keptCommands
        let kept = keptCommands.map { $0.map(ZPLCommandName.init) }
        keptNames = kept.map(ZPLCommandNameSet.init)
        readNames = kept.map { ZPLCommandNameSet($0 + [Self.formatStart, Self.formatEnd, Self.caretChange, Self.tildeChange, Self.delimiterChange]) }
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
        var index = 0
        nextTilde = -1
        // Where this read's bytes of the open format begin.
        var formatStart = 0
        while index < bytes.count {
            if state == .name && name.count == 0 && prefix == .format && readNames != nil {
                let skipped = skipCommands(in: bytes, from: index)
                if skipped > 0 {
                    index += skipped
                    continue
                }
            }
            if state == .parameters && fixedLength == nil {
                let taken = takeRun(of: bytes, from: index)
                if taken > 0 {
                    index += taken
                    continue
                }
            }
            let wasCollecting = isCollectingFormat
            consume(bytes[index], into: &events)
            index += 1
            if formatEnded {
                formatEnded = false
                formatBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[formatStart..<index]))
                lastFormatSize = formatBytes.count
                events.append(.format(ZPLScript(commands: commands, bytes: formatBytes)))
                commands = []
                formatBytes = []
            } else if isCollectingFormat && !wasCollecting {
                formatStart = index
            }
            guard !events.isEmpty else { continue }
            for event in events {
                emit(event, isInsideFormat)
            }
            events.removeAll(keepingCapacity: true)
        }
        if isCollectingFormat {
            formatBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[formatStart...]))
        }
    }

    private var isCollectingFormat: Bool { isInsideFormat && !isSkippingFormat }

    /// Takes the parameter bytes from `start` up to the next prefix or line break, as `consume`
    /// would one at a time, but stops short of a size limit so that `consume` refuses the byte
    /// that crosses it. Returns how many bytes were taken.
    private mutating func takeRun(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let collectsFormat = isCollectingFormat
        let collectsParameters = isKept && !(prefix == .format && isSkippingFormat)
        var count = Self.plainRun(in: bytes, from: start, caret: caret, tilde: tilde)
        if collectsFormat { count = min(count, maximumFormatSize - formatLength) }
        if collectsParameters { count = min(count, maximumFormatSize - parameters.count) }
        guard count > 0 else { return 0 }
        if collectsFormat { formatLength += count }
        if collectsParameters { parameters.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(start + count)])) }
        return count
    }

    /// Skims the `^` commands that are not read, from right after a prefix, and each one's
    /// next prefix, for as long as they follow one another: with few commands kept, that is
    /// most of a format. Each is its name and its parameters up to the next caret, taken at
    /// once. It stops before a name that is read or not plainly in `bytes`, at the next control
    /// prefix, and at the format's size limit, leaving those to `consume`, and leaves the state
    /// as `consume` would. Returns how many bytes it took.
    private mutating func skipCommands(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let readNames, let base = bytes.baseAddress else { return 0 }
        let collecting = isCollectingFormat
        var end = controlPrefix(in: bytes, from: start)
        if collecting { end = min(end, start + maximumFormatSize - formatLength) }
        var index = start
        // The command whose parameters the skim ended in; nil when it ended right after a prefix.
        var last: ZPLCommandName?
        while index + 2 <= end, isPlain(base[index]), isPlain(base[index + 1]) {
            var skipped = ZPLCommandName()
            let first = Self.upper(base[index]), second = Self.upper(base[index + 1])
            skipped.append(first)
            // `^A0N,28`: the font letter is a parameter, as `readName` reads it.
            if first != UInt8(ascii: "A") || second == UInt8(ascii: "@") { skipped.append(second) }
            // `^FS` runs at once: outside a format, an SGD line may follow it.
            guard !readNames.contains(skipped), skipped != Self.fieldSeparator || isInsideFormat else { break }
            index += 2
            index += Self.caretRun(in: base + index, count: end - index, caret: caret)
            last = skipped
            guard index < end else { break }
            // The caret, as `consume` takes it: it ends the skimmed command and starts another.
            index += 1
            last = nil
        }
        if collecting { formatLength += index - start }
        if let last {
            name = last
            isKept = false
            state = last == Self.fieldSeparator ? .idle : .parameters
        } else if index > start {
            state = .name
            name = ZPLCommandName()
            isKept = true
        }
        return index - start
    }

    /// Where the next control prefix is in `bytes` from `start`, or its end: looked for once
    /// per read rather than once per command, since formats seldom hold one.
    private mutating func controlPrefix(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard nextTilde < start || nextTildeByte != tilde, let base = bytes.baseAddress else { return nextTilde }
        let from = UnsafeRawPointer(base + start)
        nextTilde = start + (memchr(from, Int32(tilde), bytes.count - start).map { from.distance(to: UnsafeRawPointer($0)) }
            ?? bytes.count - start)
        nextTildeByte = tilde
        return nextTilde
    }

    /// How many of the `count` bytes at `start` come before a caret. Most parameters are
    /// short, and two words tested here cost less than a call; a long run goes to libc's
    /// vectorised `memchr`.
    @inline(__always)
    private static func caretRun(in start: UnsafePointer<UInt8>, count: Int, caret: UInt8) -> Int {
        let raw = UnsafeRawPointer(start)
        let carets = UInt64(caret) &* 0x0101_0101_0101_0101
        var offset = 0
        while offset < 16 && offset + 8 <= count {
            let found = zeroBytes(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian ^ carets)
            if found != 0 { return offset + found.trailingZeroBitCount / 8 }
            offset += 8
        }
        let rest = raw + offset
        return offset + (memchr(rest, Int32(caret), count - offset).map { rest.distance(to: UnsafeRawPointer($0)) } ?? count - offset)
    }

    /// The high bit of each byte of `word` that is zero, and no other bit: exact, with no
    /// carry from one byte into the next.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = UInt64(0x7F7F_7F7F_7F7F_7F7F)
        return ~(((word & low) &+ low) | word | low)
    }

    /// Whether `byte` is neither a prefix nor a line break.
    private func isPlain(_ byte: UInt8) -> Bool {
        byte != caret && byte != tilde && byte != 0x0D && byte != 0x0A
    }

    static func upper(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 0x20 : byte
    }

    /// How many bytes from `start` are neither a prefix nor a line break, sixteen at a time.
    static func plainRun(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, caret: UInt8, tilde: UInt8) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let carets = SIMD16<UInt8>(repeating: caret), tildes = SIMD16<UInt8>(repeating: tilde)
        let returns = SIMD16<UInt8>(repeating: 0x0D), feeds = SIMD16<UInt8>(repeating: 0x0A)
        var index = start
        while index + 16 <= bytes.count {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((block .== carets) .| (block .== tildes) .| (block .== returns) .| (block .== feeds)) { break }
            index += 16
        }
        while index < bytes.count {
            let byte = base[index]
            if byte == caret || byte == tilde || byte == 0x0D || byte == 0x0A { break }
            index += 1
        }
        return index - start
    }

    private mutating func consume(_ byte: UInt8, into events: inout [ZPLStreamEvent]) {
        if isCollectingFormat {
            formatLength += 1
            if formatLength > maximumFormatSize {
                events.append(.refused(ZPLError(
                    "format", .tooLong(length: formatLength, limit: maximumFormatSize, unit: "bytes"))))
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
            if !isKept || (prefix == .format && isSkippingFormat) {
                return
            }
            parameters.append(byte)
            if parameters.count > maximumFormatSize {
                events.append(.refused(ZPLError(
                    "\(prefix == .format ? "^" : "~")\(name.text) parameters",
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
        name = ZPLCommandName()
        parameters = []
        fixedLength = nil
        isKept = true
        state = .name
    }

    /// Whether the command named `name` is read whole, parameters and all.
    private func keeps(_ name: ZPLCommandName) -> Bool {
        prefix == .control || readNames?.contains(name) ?? true
    }

    private mutating func readName(_ byte: UInt8, into events: inout [ZPLStreamEvent]) {
        let upper = Self.upper(byte)
        if name.count == 1 && name == Self.font && prefix == .format && upper != UInt8(ascii: "@") {
            // `^A0N,28`: the font letter right after ^A is a parameter, not part of the name.
            isKept = keeps(name)
            if isKept { parameters = [byte] }
            state = .parameters
            return
        }
        name.append(upper)
        guard name.count == 2 else { return }
        state = .parameters
        isKept = keeps(name)
        let runsAtOnce = prefix == .control
            ? Self.controlsWithoutParameters.contains(name)
            : name == Self.formatStart || name == Self.formatEnd || name == Self.fieldSeparator
        if runsAtOnce {
            finish(into: &events)
            return
        }
        if prefix == .control && name == Self.hostQuery {
            fixedLength = 2
        } else if name == Self.caretChange || name == Self.tildeChange || name == Self.delimiterChange {
            // The new prefix or delimiter: one byte.
            fixedLength = 1
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
            && !Self.downloads.contains(name):
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
        guard isKept else {
            state = .idle
            return
        }
        let command = ZPLCommand(prefix, name.text, parameters: parameters)
        state = .idle
        fixedLength = nil
        parameters = []
        if name == Self.caretChange, let new = command.parameters.first, new != tilde {
            caret = new
        } else if name == Self.tildeChange, let new = command.parameters.first, new != caret {
            tilde = new
        }
        if command.prefix == .control {
            events.append(.control(command))
            return
        }
        switch name {
        case Self.formatStart where !isInsideFormat:
            isInsideFormat = true
            isSkippingFormat = false
            commands = []
            formatBytes = []
            formatBytes.reserveCapacity(min(lastFormatSize, maximumFormatSize))
            formatBytes += [caret, UInt8(ascii: "X"), UInt8(ascii: "A")]
            formatLength = formatBytes.count
        case Self.formatStart:
            // A ^XA inside a format changes nothing.
            break
        case Self.formatEnd where isInsideFormat:
            // `feed` passes the format on: it holds the rest of its bytes.
            formatEnded = !isSkippingFormat
            isInsideFormat = false
            isSkippingFormat = false
            if !formatEnded {
                commands = []
                formatBytes = []
            }
        default:
            // A ^ command outside a format has nothing to belong to; a printer ignores it.
            if isInsideFormat && !isSkippingFormat && keptNames.map({ $0.contains(name) }) ?? true {
                commands.append(command)
            }
        }
    }

    /// `~` commands that take no parameters, so they run the moment their name is complete:
    /// a host sends `~HS` and waits for the answer without sending anything after it.
    static let controlsWithoutParameters = [
        "HS", "HI", "HM", "HD", "HB", "HU", "JA", "JR", "JC", "JL", "JB", "PS", "WC",
    ].map(ZPLCommandName.init)
    /// `~` downloads, whose data may span lines.
    static let downloads = ["DG", "DY", "DB", "DU", "DE", "DS", "DT", "DN"].map(ZPLCommandName.init)
    // Computed, so each is a constant where it is compared: one is compared per command.
    static var formatStart: ZPLCommandName { ZPLCommandName("X", "A") }
    static var formatEnd: ZPLCommandName { ZPLCommandName("X", "Z") }
    static var fieldSeparator: ZPLCommandName { ZPLCommandName("F", "S") }
    static var caretChange: ZPLCommandName { ZPLCommandName("C", "C") }
    static var tildeChange: ZPLCommandName { ZPLCommandName("C", "T") }
    static var delimiterChange: ZPLCommandName { ZPLCommandName("C", "D") }
    static var hostQuery: ZPLCommandName { ZPLCommandName("H", "Q") }
    /// `^A`, whose font letter follows the name at once.
    static let font = ZPLCommandName("A")
}
