import Foundation
import Ledger
import Logging
import ServiceLifecycle
import Station

/// Publishes every configured line's status to the shared ledger about once a second, for
/// the plant view: the same JSON as `/api/v1/lines/{line}`, read from what each line last
/// published, so a busy line is never asked. A line that could not start is published as
/// `unavailable`, so the plant sees it too.
///
/// It runs beside the lines and never holds them up: a publish that fails (the database is
/// down) is logged once when the failures begin and once when they end, and tried again on the
/// next tick. On shutdown it stops after the lines, publishing their final state.
struct LineStatusPublisher: Service {
    let station: String
    let configured: [String]
    let lines: [String: LineWorkflow]
    let ledger: any LedgerStore
    let options: PlantOptions
    let logger: Logger

    func run() async {
        let failing = await cancelWhenGracefulShutdown { () async -> Bool in
            var failing = false
            while !Task.isCancelled {
                failing = await publish(failing: failing)
                try? await Task.sleep(for: options.publishInterval)
            }
            return failing
        }
        // A graceful shutdown (rather than the whole group cancelled) ends after the lines
        // stopped: the plant sees their final state until it goes stale.
        if !Task.isCancelled { _ = await publish(failing: failing) }
    }

    /// Publishes once; returns whether it failed, logging only when that changes.
    private func publish(failing: Bool) async -> Bool {
        do {
            try await ledger.publishLineStatus(rows())
            if failing { logger.notice("line status published again: the plant view sees this station's lines") }
            return false
        } catch {
            if !failing {
                logger.warning("cannot publish the line status for the plant view; the lines go on, and it is retried every second",
                               metadata: ["error": "\(error)"])
            }
            return true
        }
    }

    /// One row per configured line, stamped with the clock's now.
    func rows() -> [PublishedLineStatus] {
        let now = options.clock()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return configured.map { id in
            let body = lines[id].map { LineBody($0.publishedStatus) } ?? LineBody(LineStatus(line: id), running: false)
            let json = (try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return PublishedLineStatus(station: station, line: id, updatedAt: now, status: json)
        }
    }
}
