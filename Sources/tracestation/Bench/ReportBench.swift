import Foundation
import Ledger
import PlatformSim
import Reporting

/// Reporting a batch to the reference receiver started in-process on loopback: real HTTP,
/// real signatures, a real ledger file and the receiver's own durable store.
///
/// The ledger is prepared first (a batch of `codes` codes issued and recorded as printed, not
/// timed); then queuing the report (reading the records, building and encoding the chunks,
/// one transaction) and delivering it (signed POSTs, each answer recorded with its hash-chain
/// event) are timed, separately and together. The target is the whole in 10 s for 100,000.
struct ReportBench {
    var codes = 100_000
    var chunkCodes = 1000

    func run(in folder: String, json: Bool) async throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = try SQLiteLedger(path: folder + "/ledger.sqlite", station: "bench")
        let profile = ReportingProfile.embeddedDefault
        let gtin = profile.products.keys.sorted()[0]
        let batch = try await ledger.createBatch(BatchSpec(gtin: gtin, lot: "BENCH", productionDate: "250301", quantity: codes, overagePercent: 0))
        var remaining = codes
        while remaining > 0 {
            let block = try await ledger.issue(batch: batch.id, count: min(10_000, remaining)).map(\.value)
            try await ledger.record(block.map { LabelChange(code: $0, event: .printed) })
            remaining -= block.count
        }

        var sim = PlatformReceiver.Configuration(port: 0, storeFolder: folder + "/receiver", faults: .none)
        sim.quiet = true
        let receiver = try await PlatformReceiver.start(sim)
        let destination = receiver.endpoint.absoluteString
        let policy = DeliveryPolicy(profile.platform)
        let client = PlatformClient(credentials: .demo, requestTimeout: policy.requestTimeout)
        let clock = ContinuousClock()
        let start = clock.now
        let queued = try await ReportBuilder(profile: profile, chunkItems: chunkCodes).enqueue(batch: batch.id, destination: destination, in: ledger)
        let enqueued = clock.now
        let delivered = try await OutboxDeliverer(ledger: ledger, client: client, policy: policy, destination: destination).run()
        let end = clock.now
        try await client.shutdown()
        let stats = await receiver.stats()
        await receiver.stop()
        guard queued?.codes == codes, delivered.codesDelivered == codes, stats.codes == codes else {
            throw BenchError("the receiver holds \(stats.codes) codes and the ledger delivered \(delivered.codesDelivered), not \(codes)")
        }

        let seconds = (enqueue: (enqueued - start).milliseconds / 1e3, deliver: (end - enqueued).milliseconds / 1e3,
                       total: (end - start).milliseconds / 1e3)
        let target = Double(codes) / 10_000
        let rows: [(step: String, seconds: Double, target: String, within: Bool?)] = [
            ("queue the report (\(queued?.chunks ?? 0) chunks of \(chunkCodes))", seconds.enqueue, "-", nil),
            ("deliver to the local receiver, \(policy.concurrency) in flight", seconds.deliver, "-", nil),
            ("report \(codes) codes to the local receiver", seconds.total, String(format: "≤ %g s", target), seconds.total <= target),
        ]
        if json {
            for row in rows {
                var object: [String: Any] = ["step": row.step, "count": codes, "seconds": row.seconds,
                                             "per_second": (Double(codes) / row.seconds).rounded(), "target": row.target]
                if let within = row.within { object["within_target"] = within }
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            }
            return
        }
        let table = [["step", "codes", "seconds", "codes per second", "target"]] + rows.map { row in
            [row.step, String(codes), String(format: "%.2f", row.seconds), String(Int((Double(codes) / row.seconds).rounded())),
             row.target + (row.within.map { $0 ? " ok" : " MISSED" } ?? "")]
        }
        let widths = table[0].indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        for row in table {
            print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }
}
