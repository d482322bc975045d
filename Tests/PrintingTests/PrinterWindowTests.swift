import Printing
import Testing

@Suite("The printer link's window follows the printer's pace", .serialized)
struct PrinterWindowTests {
    /// The most jobs sent and not yet printed at any point, and the largest batch sent in one
    /// step, from the events in order.
    static func inFlight(_ events: [PrinterEvent]) -> (most: Int, largestBatch: Int) {
        var inFlight = 0, most = 0, largestBatch = 0
        for case let .jobs(updates) in events {
            let sent = updates.count { $0.state == .sent }
            largestBatch = max(largestBatch, sent)
            for update in updates {
                if update.state == .sent { inFlight += 1 }
                if update.state == .printed { inFlight -= 1 }
                most = max(most, inFlight)
            }
        }
        return (most, largestBatch)
    }

    /// The window is the subject here, not the deadlines: generous ones, so that a loaded
    /// machine's slow answer is never taken for a lost connection, whose resent jobs would
    /// count twice in flight.
    static let patientDeadlines: PrinterLink.Configuration = {
        var configuration = LoopbackPrinter.fastDeadlines
        configuration.connectTimeout = .seconds(10)
        configuration.writeTimeout = .seconds(15)
        configuration.readTimeout = .seconds(15)
        configuration.confirmationTimeout = .seconds(60)
        return configuration
    }()

    @Test("A printer that keeps up earns a wider window, never wider than the maximum, and prints every label once")
    func widensForFastPrinter() async throws {
        var configuration = Self.patientDeadlines
        configuration.maximumWindow = 64
        let bench = try await LoopbackPrinter(renders: false, configuration: configuration)
        let log = EventLog.recording(bench.link)
        let ids = await bench.link.submit(contentsOf: (0..<1_000).map { (LoopbackPrinter.label($0), 1, nil) })
        await bench.link.waitUntilIdle()
        #expect(await LoopbackPrinter.states(of: ids, on: bench.link).allSatisfy { $0 == .printed })
        #expect(await bench.printer.odometer == ids.count)
        try await bench.stop()
        #expect(await eventually { await Self.inFlight(log.events).largestBatch > 0 })
        let flight = Self.inFlight(await log.events)
        // The minimum window of 8 sends batches of 4; a wider one, larger batches.
        #expect(flight.largestBatch > configuration.window / 2)
        #expect(flight.largestBatch <= configuration.maximumWindow / 2)
        #expect(flight.most <= configuration.maximumWindow)
    }

    @Test("A printer slower than the window's time keeps about the minimum window")
    func staysNarrowForSlowPrinter() async throws {
        var configuration = Self.patientDeadlines
        // Each 100-dot label takes 50 ms at 250 mm/s, so a batch of 4 is answered every 200 ms:
        // in 20 ms the link sees one answer, or two if it stalled for 200 ms, never the dozens
        // a window grown by the jobs in flight rather than by those printed would hold.
        configuration.windowTime = .milliseconds(20)
        let bench = try await LoopbackPrinter(speedMillimetresPerSecond: 250, configuration: configuration)
        let log = EventLog.recording(bench.link)
        let ids = await bench.link.submit(contentsOf: (0..<24).map { (LoopbackPrinter.label($0), 1, nil) })
        await bench.link.waitUntilIdle()
        #expect(await LoopbackPrinter.states(of: ids, on: bench.link).allSatisfy { $0 == .printed })
        try await bench.stop()
        let flight = Self.inFlight(await log.events)
        #expect(flight.most <= 2 * configuration.window)
        #expect(flight.largestBatch <= configuration.window)
    }
}
