import Logging
import Station
import Synchronization
import Testing

/// A log handler that keeps what it is told, for a test to read.
final class CapturedLog: Sendable {
    struct Entry: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    private let entries = Mutex<[Entry]>([])

    var all: [Entry] { entries.withLock { $0 } }

    var logger: Logger {
        Logger(label: "test") { _ in Handler(log: self) }
    }

    fileprivate func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }.mapValues { "\($0)" }
            log.append(Entry(level: event.level, message: event.message.description, metadata: merged))
        }
    }
}

@Suite("Line workflow logging")
struct LineLoggingTests {
    @Test("The line tells its logger when a printer fault pauses it and when it runs again, with its line and batch")
    func statesLogged() async throws {
        let log = CapturedLog()
        let line = try await LineFixture.start(quantity: 6, faults: ["paper-out-after=3"], logger: log.logger)
        defer { Task { await line.finish() } }
        let workflow = line.workflow
        let run = Task { try await line.run(6) }
        _ = try await waitFor(workflow) { $0.printerProblems.contains(.paperOut) }
        try await workflow.virtualPrinter?.setFault("paper-out-after=-1")
        _ = try await run.value
        let entries = log.all
        let messages = entries.map(\.message)
        let paused = messages.firstIndex { $0.hasPrefix("line paused (printer:") }
        #expect(paused != nil, "\(messages)")
        #expect(messages.firstIndex(of: "line running").map { $0 < (paused ?? 0) } == true, "\(messages)")
        #expect(messages.last == "line idle", "\(messages)")
        #expect(entries.allSatisfy { $0.metadata["line.id"] == "line-t" && $0.metadata["batch.id"] == "\(line.batch.id)" })
        // A line that does not change state says nothing twice in a row.
        #expect(zip(messages, messages.dropFirst()).allSatisfy { $0 != $1 })
    }
}
