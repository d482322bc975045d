import Printing
import Testing

@Suite("Printer link events", .serialized)
struct PrinterEventTests {
    @Test("Job moves come in one event per step: the jobs queued together, then each batch sent, each job queued, sent and printed once")
    func movesInSteps() async throws {
        let bench = try await LoopbackPrinter(renders: false)
        let log = EventLog.recording(bench.link)
        let ids = await bench.link.submit(contentsOf: (0..<8).map { (LoopbackPrinter.label($0), 1, "L\($0)") })
        await bench.link.waitUntilIdle()
        try await bench.stop()
        #expect(await eventually { await ids.asyncMap { await log.updates(for: $0) }.allSatisfy { $0 == [.queued, .sent, .printed] } })

        let jobEvents = await log.events.compactMap { event -> [PrintJobUpdate]? in
            guard case let .jobs(updates) = event else { return nil }
            return updates
        }
        #expect(!jobEvents.contains { $0.isEmpty })
        #expect(jobEvents.first?.map(\.state) == Array(repeating: .queued, count: 8))
        #expect(jobEvents.first?.map(\.reference) == (0..<8).map { "L\($0)" })
        // The window of 8 sends batches of 4, each reported as one event.
        #expect(jobEvents.dropFirst().first?.map(\.state) == Array(repeating: .sent, count: 4))
        #expect(jobEvents.count < 3 * ids.count)
    }
}
