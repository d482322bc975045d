import Foundation
import Ledger
import PlatformSim
import Reporting

/// The demo's ledger and its last step: the batch the line printed into a fresh ledger is
/// reported to the reference receiver started in-process, exactly as `batch report` delivers
/// to a platform, and exported as EPCIS 2.0.
struct DemoReporting {
    /// Where the demo keeps its ledger, the receiver's store and the EPCIS document.
    let folder: String
    let ledger: SQLiteLedger

    /// A new ledger in `folder`, replacing the previous run's, so every demo starts from zero.
    init(folder: String) throws {
        self.folder = folder
        let path = "\(folder)/ledger.sqlite"
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.removeItem(atPath: file)
        }
        try? FileManager.default.removeItem(atPath: "\(folder)/platform-sim")
        ledger = try SQLiteLedger(path: path, station: "demo-line-1")
    }

    /// Reports the batch as the line recorded it and checks that the receiver holds exactly
    /// the good codes (verified pass) and the voids.
    func report(batch: Int64) async throws -> Bool {
        let recorded = try await ledger.reconcile(batch: batch)

        let profile = try ReportingProfile.load()
        var sim = PlatformReceiver.Configuration(port: 0, storeFolder: "\(folder)/platform-sim")
        sim.quiet = true
        let receiver = try await PlatformReceiver.start(sim)
        let builder = try ReportBuilder(profile: profile)
        let epcisPath = "\(folder)/epcis.jsonld"
        let destination = receiver.endpoint.absoluteString
        let client = PlatformClient(credentials: .demo, requestTimeout: .seconds(10))
        let progress: OutboxDeliverer.Progress
        do {
            try EPCISExporter(profile: profile).write(
                try builder.batchReport(try await ledger.reportableRecords(batch: batch, destination: nil)),
                createdAt: builder.iso8601(Timestamp.now()), to: epcisPath)
            _ = try await builder.enqueue(batch: batch, destination: destination, in: ledger)
            progress = try await OutboxDeliverer(ledger: ledger, client: client, policy: DeliveryPolicy(profile.platform),
                                                 destination: destination).run(giveUpAfter: .seconds(30))
        } catch {
            try? await client.shutdown()
            await receiver.stop()
            throw error
        }
        try await client.shutdown()
        let stats = await receiver.stats()
        await receiver.stop()
        let counts = try await ledger.reconcile(batch: batch)

        print("\nReported batch \(batch) to the reference receiver at \(destination):")
        print("  ledger \(folder)/ledger.sqlite: \(counts.verifiedPass) good codes, \(counts.reported ?? 0) reported, "
            + "\(counts.acknowledged ?? 0) acknowledged in \(progress.chunksDelivered) signed chunk(s)")
        print("  receiver store \(folder)/platform-sim: \(stats.codes) distinct codes, \(stats.voids) void(s), "
            + "\(stats.chunks) chunk(s), \(stats.duplicates) duplicate(s)")
        print("  EPCIS 2.0 document: \(epcisPath)")
        return stats.codes == recorded.verifiedPass && stats.voids == recorded.voided && counts.acknowledged == recorded.verifiedPass
    }
}
