import Foundation
import Ledger
import PlatformSim
import Reporting

/// A real ledger file with a batch of printed codes, the reference receiver on a loopback
/// port, and the station's client: everything a delivery test needs, nothing mocked.
struct DeliveryHarness {
    static let gtin = "06901234567892"

    let folder: String
    let ledger: SQLiteLedger
    let receiver: PlatformReceiver
    let client: PlatformClient
    let builder: ReportBuilder

    var destination: String { receiver.endpoint.absoluteString }

    /// `requestTimeout` is short so that injected latency turns into client timeouts quickly.
    init(faults: ReceiverFaults = .none, chunkItems: Int = 50, requestTimeout: Duration = .seconds(5),
         credentials: PlatformCredentials = .demo) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("delivery-\(UUID().uuidString)").path
        ledger = try SQLiteLedger(path: folder + "/station.sqlite", station: "line-1")
        receiver = try await PlatformReceiver.start(.init(port: 0, storeFolder: folder + "/receiver", faults: faults, seed: 7))
        client = PlatformClient(credentials: credentials, requestTimeout: requestTimeout)
        builder = try ReportBuilder(profile: .embeddedDefault, chunkItems: chunkItems)
    }

    /// A batch with `printed` codes recorded as printed, issued and recorded in blocks.
    func printedBatch(_ printed: Int, lot: String = "B1") async throws -> (batch: Int64, codes: [String]) {
        let batch = try await ledger.createBatch(BatchSpec(gtin: Self.gtin, lot: lot, productionDate: "250301", quantity: max(printed, 1) * 2))
        let codes = try await printMore(printed, in: batch.id)
        return (batch.id, codes)
    }

    func printMore(_ count: Int, in batch: Int64) async throws -> [String] {
        var codes: [String] = []
        var remaining = count
        while remaining > 0 {
            let block = try await ledger.issue(batch: batch, count: min(10_000, remaining)).map(\.value)
            try await ledger.record(block.map { LabelChange(code: $0, event: .printed) })
            codes += block
            remaining -= block.count
        }
        return codes
    }

    func deliverer(_ policy: DeliveryPolicy = DeliveryHarness.quickPolicy) -> OutboxDeliverer {
        OutboxDeliverer(ledger: ledger, client: client, policy: policy, destination: destination)
    }

    /// Retries after a few milliseconds, so fault tests do not wait long.
    static let quickPolicy = DeliveryPolicy(concurrency: 4, requestTimeout: .seconds(5), initialBackoff: .milliseconds(2),
                                            maximumBackoff: .milliseconds(20), maximumAttempts: 1000)

    /// Every code in every chunk the receiver stored, repeats included, from its store file
    /// (one JSON object per accepted chunk, with its `codes`).
    func storedCodes() throws -> [String] {
        let text = try String(contentsOfFile: receiver.storePath, encoding: .utf8)
        return try text.split(separator: "\n").flatMap { line -> [String] in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["codes"] as? [String] ?? []
        }
    }

    func stop() async throws {
        try await client.shutdown()
        await receiver.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
