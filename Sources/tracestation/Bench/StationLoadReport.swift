import Foundation

/// How `tracestation bench --only station-load` tells what the load found.
extension StationLoadResult {
    var latencyFigures: (p50: Double, p95: Double, p99: Double, max: Double) {
        let all = latency.all
        return (LatencySamples.quantile(0.5, of: all), LatencySamples.quantile(0.95, of: all), LatencySamples.quantile(0.99, of: all),
                all.max() ?? 0)
    }

    var withinLatencyTarget: Bool { latencyFigures.p99 <= Self.latencyTarget }

    func printTable() {
        let figures = latencyFigures
        let faults = faults
        print("TraceStation station load: \(labels) labels on \(lines) lines, virtual printers over loopback, seed \(seed)")
        print(String(format: "labels:  %d verified, %d flagged, in %.1f s: %.0f labels/s", goodLabels, flagged, elapsed.milliseconds / 1e3,
                     labelsPerSecond))
        print(String(format: "API:     %d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; target p99 ≤ %.0f ms %@",
                     latency.all.count, figures.p50, figures.p95, figures.p99, figures.max, Self.latencyTarget,
                     withinLatencyTarget ? "ok" : "MISSED"))
        for (route, samples) in latency.byRoute.sorted(by: { $0.key < $1.key }) {
            print(String(format: "         %@: %d, p99 %.1f ms, max %.1f ms", route, samples.count, LatencySamples.quantile(0.99, of: samples),
                         samples.max() ?? 0))
        }
        print("faults:  \(faults.paperOuts) paper outs (\(faults.paperOutPauses) paused the line), \(faults.drops) dropped connections "
              + "(\(faults.disconnections) seen), \(faults.damagedLabels) unreadable labels, \(faults.kills) kills, \(faults.skipped) skipped "
              + "(line done first); odometers \(odometers)")
        let alarms = outcomes.flatMap(\.alarms)
        if !alarms.isEmpty { print("alarms:  \(alarms.count), acknowledged: " + alarms.joined(separator: "; ")) }
        for batch in batches {
            let counts = batch.counts
            print("batch \(batch.id) (\(batch.line)): \(counts.verifiedPass) pass of \(batch.quantity), \(counts.unconfirmed) unconfirmed, "
                  + "\(counts.printedConfirmed) unverified, \(counts.voided) voided, \(counts.reprinted) reprinted"
                  + (batch.override.map { "; closed by override: \($0)" } ?? "; closed balanced"))
        }
        for check in checks { print("\(check.passed ? "ok    " : "FAILED") \(check.name): \(check.detail)") }
    }

    func json() throws -> String {
        let figures = latencyFigures
        let faults = faults
        let object: [String: Any] = [
            "step": "station-load", "seed": NSNumber(value: seed), "labels": labels, "lines": lines,
            "verified": goodLabels, "flagged": flagged, "seconds": elapsed.milliseconds / 1e3, "labels_per_second": labelsPerSecond.rounded(),
            "requests": latency.all.count, "request_failures": latency.failures,
            "latency_ms": ["p50": figures.p50, "p95": figures.p95, "p99": figures.p99, "max": figures.max],
            "latency_target_ms": Self.latencyTarget, "within_target": withinLatencyTarget,
            "faults": ["paper_out": faults.paperOuts, "paper_out_pauses": faults.paperOutPauses, "drop": faults.drops,
                       "disconnections": faults.disconnections, "damaged_label": faults.damagedLabels, "kill": faults.kills,
                       "skipped": faults.skipped],
            "alarms": outcomes.flatMap(\.alarms),
            "batches": batches.map { batch -> [String: Any] in
                ["id": batch.id, "line": batch.line, "quantity": batch.quantity, "verified_pass": batch.counts.verifiedPass,
                 "unconfirmed": batch.counts.unconfirmed, "printed_unverified": batch.counts.printedConfirmed, "voided": batch.counts.voided,
                 "override": batch.override ?? NSNull()]
            },
            "checks": Dictionary(uniqueKeysWithValues: checks.map { ($0.name, ["passed": $0.passed, "detail": $0.detail] as [String: Any]) }),
            "passed": passed,
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}

/// `tracestation bench --only station-load`: the load at full size in a scratch folder, told
/// as a table or one JSON object; fails when a check does, never for a time.
struct StationLoadBench {
    let load: StationLoad

    func run(in folder: String, json: Bool) async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await load.run(in: folder)
        if json {
            print(try result.json())
        } else {
            result.printTable()
        }
        guard result.passed else {
            throw BenchError("the station load failed: " + result.checks.filter { !$0.passed }.map(\.name).joined(separator: ", "))
        }
    }
}
