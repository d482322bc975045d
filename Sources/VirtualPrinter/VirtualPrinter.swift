import Foundation
import Imaging
public import NIOCore
import NIOPosix
import ZPL

/// An emulated ZPL printer: prints the formats it is given as PNG files, keeps an odometer,
/// answers `~HS`, `~HQES`, `~HI` and SGD `getvar`, and shows the faults it is told to have.
///
/// Formats received while a fault stops printing wait in the buffer, as on a printer, and
/// print once the fault is cleared.
public actor VirtualPrinter {
    public struct Configuration: Sendable {
        public var dotsPerMillimetre: Int
        /// Where labels go as `label-<index>.png`, with `labels.jsonl`; `nil` keeps them in memory only.
        public var outputDirectory: String?
        /// Physical print speed; `nil` prints at once.
        public var speedMillimetresPerSecond: Double?
        public var faults: PrinterFaults
        public var model: String
        /// Whether formats are drawn; off, they are only parsed and counted, which measures
        /// the link rather than the renderer.
        public var renders: Bool
        /// How many of the most recent labels `recentLabels` keeps.
        public var keptLabels: Int
        /// How many of the latest `label-<index>.png` files stay in `outputDirectory`; older ones
        /// are deleted as new ones come, so a printer that runs for weeks cannot fill the disk.
        /// `nil` keeps every file.
        public var keptLabelFiles: Int?

        public init(dotsPerMillimetre: Int = 8, outputDirectory: String? = nil, speedMillimetresPerSecond: Double? = nil,
                    faults: PrinterFaults = PrinterFaults(), model: String = "TraceStation VirtualPrinter",
                    renders: Bool = true, keptLabels: Int = 64, keptLabelFiles: Int? = nil) {
            self.dotsPerMillimetre = dotsPerMillimetre
            self.outputDirectory = outputDirectory
            self.speedMillimetresPerSecond = speedMillimetresPerSecond
            self.faults = faults
            self.model = model
            self.renders = renders
            self.keptLabels = keptLabels
            self.keptLabelFiles = keptLabelFiles
        }
    }

    /// One printed label, as logged.
    public struct PrintedLabel: Sendable {
        public let index: Int
        public let bitmap: Bitmap
        /// The format's bytes from `^XA` to `^XZ`, shared with the format, not copied.
        public let format: [UInt8]
        /// The PNG written for it under `outputDirectory`, if any.
        public var file: String?
        /// Whether a `damage-label` fault wiped its symbols.
        public var damaged = false

        /// Computed when asked for: hashing every format would cost more than counting it.
        public var zplHash: String { VirtualPrinter.formatHash(format) }
    }

    public let configuration: Configuration
    public private(set) var faults: PrinterFaults
    /// Labels printed since the printer started.
    public private(set) var odometer = 0
    /// The most recent labels, newest last, at most `configuration.keptLabels`.
    public var recentLabels: [PrintedLabel] { Array(labelLog.suffix(configuration.keptLabels)) }
    /// The recent labels and up to as many older ones: trimmed in bulk, not by one shift per label.
    private var labelLog: [PrintedLabel] = []
    public private(set) var problems: [String] = []

    let renderer: FormatRenderer
    private var memory = PrinterMemory()
    private var buffer: [(format: RenderedFormat, bytes: [UInt8])] = []
    var isConnected = false
    /// Who hears of each printed label: see `printedLabels()`.
    private var labelWatchers: [Int: AsyncStream<PrintedLabel>.Continuation] = [:]
    private var nextWatcher = 0

    /// The loop that serves the printer's connections and also runs the printer: the events
    /// of one read are then taken on the spot, with no hop to another thread and back.
    public nonisolated let eventLoop: EventLoop

    public nonisolated var unownedExecutor: UnownedSerialExecutor { eventLoop.executor.asUnownedSerialExecutor() }

    public init(configuration: Configuration, fonts: PrinterFonts,
                eventLoop: EventLoop = MultiThreadedEventLoopGroup.singleton.next()) {
        self.configuration = configuration
        self.faults = configuration.faults
        self.renderer = FormatRenderer(dotsPerMillimetre: configuration.dotsPerMillimetre, fonts: fonts)
        self.eventLoop = eventLoop
    }

    public func setFaults(_ faults: PrinterFaults) async {
        self.faults = faults
        await printBuffered()
    }

    public func setFault(_ assignment: String) async throws(VirtualPrinterError) {
        var faults = self.faults
        try faults.set(assignment)
        await setFaults(faults)
    }

    /// Every label printed from now on, in print order, once its PNG (if any) is written: a
    /// station verifies them as a camera at the printer's exit would. The stream buffers what
    /// its reader has not taken yet; it ends when the reader stops reading. Without readers,
    /// printing costs nothing more.
    public func printedLabels() -> AsyncStream<PrintedLabel> {
        let (stream, continuation) = AsyncStream.makeStream(of: PrintedLabel.self)
        let id = nextWatcher
        nextWatcher += 1
        labelWatchers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.stopWatching(id) }
        }
        return stream
    }

    private func stopWatching(_ id: Int) {
        labelWatchers[id] = nil
    }

    /// Ends every `printedLabels()` stream, such as when the printer is shut down.
    public func finishPrintedLabels() {
        for continuation in labelWatchers.values { continuation.finish() }
        labelWatchers.removeAll()
    }

    /// Runs one parsed event up to what takes time: see `handle` and `receiveAtOnce`.
    func take(_ event: ZPLStreamEvent, partialFormat: Bool) -> EventOutcome {
        switch event {
        case let .format(script):
            guard let format = configuration.renders ? renderer.render(script, memory: &memory) : unrendered(script) else {
                return EventOutcome()
            }
            buffer.append((format, script.bytes))
            problems += format.problems
            return EventOutcome(mayPrint: true)
        case let .control(command):
            return control(command, partialFormat: partialFormat)
        case let .setGetDo(line):
            return setGetDo(line, partialFormat: partialFormat)
        case let .refused(error):
            problems.append(error.description)
            return EventOutcome()
        }
    }

    var bufferedFormats: Int { buffer.count }
    var bufferedLabels: Int { buffer.reduce(0) { $0 + $1.format.quantity } }

    func cancelAll() { buffer.removeAll() }

    func setPaused(_ paused: Bool) { faults.paused = paused }

    func storeInMemory(_ command: ZPLCommand) throws(ZPLError) { try memory.run(command) }

    func noteProblem(_ problem: String) { problems.append(problem) }

    /// Whether a fault stops the print engine.
    var isStopped: Bool {
        faults.ribbonOut || faults.headOpen || faults.paused || isPaperOut
    }

    var isPaperOut: Bool {
        faults.paperOutAfter.map { odometer >= $0 } ?? false
    }

    /// Whether the printer takes time over events: printing at a set speed, or delaying status answers.
    var takesTime: Bool {
        (configuration.speedMillimetresPerSecond ?? 0) > 0 || faults.statusDelayMilliseconds > 0
    }

    /// Prints the buffered labels while no fault stops the engine, each taking the time the
    /// print speed gives it; a label under way is finished.
    func printBuffered() async {
        guard let speed = configuration.speedMillimetresPerSecond, speed > 0 else { return printAtOnce() }
        while let height = buffer.first?.format.bitmap.height, !isStopped {
            let millimetres = Double(height) / Double(configuration.dotsPerMillimetre)
            try? await Task.sleep(for: .milliseconds(Int(millimetres / speed * 1000)))
            printNext()
        }
    }

    /// Prints the buffered labels while no fault stops the engine, taking no time.
    func printAtOnce() {
        while !buffer.isEmpty && !isStopped { printNext() }
    }

    /// Prints one label of the first buffered format, if any is left.
    private func printNext() {
        guard let (format, bytes) = buffer.first else { return }
        odometer += 1
        let damaged = faults.damagedLabels.contains(odometer)
        record(PrintedLabel(index: odometer, bitmap: damaged ? format.damagedBitmap : format.bitmap, format: bytes, damaged: damaged))
        if format.quantity > 1 {
            buffer[0].format = RenderedFormat(bitmap: format.bitmap, quantity: format.quantity - 1, problems: [],
                                              symbolAreas: format.symbolAreas)
        } else {
            buffer.removeFirst()
        }
    }

    private func record(_ printed: PrintedLabel) {
        var label = printed
        defer {
            labelLog.append(label)
            if labelLog.count >= 2 * max(1, configuration.keptLabels) { labelLog.removeFirst(labelLog.count - configuration.keptLabels) }
            for watcher in labelWatchers.values { watcher.yield(label) }
        }
        guard let folder = configuration.outputDirectory else { return }
        let name = "label-\(label.index).png"
        do {
            let png = try PNG.encode(label.bitmap)
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            try Data(png).write(to: url)
            label.file = url.path
            if let kept = configuration.keptLabelFiles, label.index > kept {
                try? FileManager.default.removeItem(atPath: "\(folder)/label-\(label.index - kept).png")
            }
            let time = ISO8601DateFormatter().string(from: Date())
            let line = "{\"index\":\(label.index),\"time\":\"\(time)\",\"zpl_fnv1a64\":\"\(label.zplHash)\",\"png\":\"\(name)\"}\n"
            let log = URL(fileURLWithPath: folder).appendingPathComponent("labels.jsonl")
            if let handle = try? FileHandle(forWritingTo: log) {
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(line.utf8))
            } else {
                try Data(line.utf8).write(to: log)
            }
        } catch {
            problems.append(VirtualPrinterError.output(path: folder, reason: "\(error)").description)
        }
    }

    /// The format commands the printer reads: all when it draws; when it only counts, those
    /// that change the count (`^PQ`, and `^DF`/`^XF`, as a stored format prints nothing and
    /// lends its `^PQ` to the formats recalling it), so the decoder skims past the rest.
    public nonisolated var keptCommands: Set<String>? { configuration.renders ? nil : ["PQ", "DF", "XF"] }

    /// A format counted but not drawn: a blank one-dot label printed `^PQ` times; `nil` when
    /// it stores a format.
    private func unrendered(_ script: ZPLScript) -> RenderedFormat? {
        guard let commands = memory.commandsToPrint(script) else { return nil }
        let quantity = commands.last { $0.name == "PQ" }.map(RenderedFormat.quantity) ?? 1
        return RenderedFormat(bitmap: Self.blank, quantity: quantity, problems: [])
    }

    private static let blank = Bitmap(width: 1, height: 1)

    /// FNV-1a, 64 bits, in hex, of a format's bytes from `^XA` to `^XZ`: enough to tell formats
    /// apart in the log without a crypto library.
    public static func formatHash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

extension VirtualPrinter {
    func claimConnection() -> Bool {
        guard !isConnected else { return false }
        isConnected = true
        return true
    }

    func releaseConnection() {
        isConnected = false
    }
}
