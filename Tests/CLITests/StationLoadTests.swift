import Foundation
import Testing

/// `tracestation bench --only station-load`, scaled down: eight lines of 60 labels each, with
/// a paper out, a dropped connection and an unreadable label on every line and one kill, from
/// a fixed seed. Every promise is checked; the latency is only reported, never asserted.
@Suite("tracestation bench station-load")
struct StationLoadTests {
    @Test("eight lines through faults and a kill: no duplicate, no loss, balanced, audit intact, lines idle")
    func scaledDownLoad() throws {
        let result = try CommandRunner.run(["bench", "--only", "station-load", "--load-labels", "480", "--seed", "20260301", "--json"])
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        let report = try #require(
            (try? JSONSerialization.jsonObject(with: Data((result.lines.last ?? "").utf8))) as? [String: Any], "\(result.stdout)")
        let checks = try #require(report["checks"] as? [String: [String: Any]])
        for name in ["every line idle", "no loss", "no duplicate", "odometers agree with the ledger", "reconciliation balances",
                     "every batch closed", "audit chain intact", "API answered"] {
            #expect(checks[name]?["passed"] as? Bool == true, "\(name): \(checks[name]?["detail"] ?? "not checked")")
        }
        #expect(report["passed"] as? Bool == true)
        #expect(report["seed"] as? Int == 20_260_301)

        // Each line's plan: a paper out, a dropped connection, an unreadable label; one line is killed.
        let faults = try #require(report["faults"] as? [String: Int])
        let injected = ["paper_out", "drop", "damaged_label", "kill"].map { faults[$0] ?? 0 }.reduce(0, +)
        #expect(injected + (faults["skipped"] ?? 0) == 8 * 3 + 1, "\(faults)")
        #expect(faults["kill"] == 1, "\(faults)")

        // Every batch's labels: verified, or flagged for the lead and closed only by override.
        let batches = try #require(report["batches"] as? [[String: Any]])
        #expect(batches.count == 8)
        for batch in batches {
            let pass = batch["verified_pass"] as? Int ?? 0
            let flagged = (batch["unconfirmed"] as? Int ?? 0) + (batch["printed_unverified"] as? Int ?? 0)
            #expect(pass + flagged == 60, "\(batch)")
            #expect((flagged > 0) == !(batch["override"] is NSNull), "\(batch)")
        }
    }
}
