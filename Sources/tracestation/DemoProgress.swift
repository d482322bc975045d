import Foundation
import Printing
import Station

/// The demo's view of the line while it runs: a progress bar on standard error (one line
/// redrawn on a terminal, a line every 10% otherwise), and the operator's part of the drill,
/// loading paper when the printer runs out.
struct DemoProgress: Sendable {
    let total: Int

    /// Follows the line until it closes; returns what happened, for the summary.
    func follow(_ workflow: LineWorkflow, drill: DemoDrill) async -> [String] {
        let terminal = isatty(STDERR_FILENO) == 1
        var events: [String] = []
        var reloaded = false
        var lastDraw = ContinuousClock.now - .seconds(1)
        var lastTenth = -1
        var lastState = ""
        var failures = 0
        for await status in await workflow.statusChanges() where status.batch != nil {
            if status.verifiedFail > failures {
                failures = status.verifiedFail
                events.append("A label came out unreadable: it failed verification, was voided and reprinted with a new code")
            }
            if !reloaded, status.printerProblems.contains(.paperOut) {
                reloaded = true
                events.append("Paper ran out at label \(drill.paperOutAfter): the line paused with \(status.good) good labels")
                Self.write((terminal ? "\r\u{1B}[K" : "") + "printer: paper out, line paused; loading paper…\n")
                try? await Task.sleep(for: drill.reloadDelay)
                try? await workflow.virtualPrinter?.setFault("paper-out-after=-1")
                events.append("Paper loaded after \(drill.reloadDelay.milliseconds / 1000) s: the line resumed where it stopped")
            }
            let state = status.state.name
            let tenth = status.good * 10 / max(total, 1)
            if terminal {
                guard state != lastState || ContinuousClock.now - lastDraw > .milliseconds(100) || status.good == total else { continue }
                lastDraw = .now
                Self.write("\r\u{1B}[K" + Self.bar(status, total: total))
            } else if tenth != lastTenth || state != lastState {
                Self.write(Self.bar(status, total: total) + "\n")
            }
            lastTenth = tenth
            lastState = state
        }
        if terminal { Self.write("\n") }
        return events
    }

    static func bar(_ status: LineStatus, total: Int) -> String {
        let width = 30
        let filled = min(width, status.good * width / max(total, 1))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + "\(status.good)/\(total) good, \(status.voided) voided, \(status.unconfirmed) unconfirmed, \(status.state)"
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
