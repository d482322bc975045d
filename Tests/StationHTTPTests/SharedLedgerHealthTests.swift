import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import Logging
import PostgresTestSupport
import Station
import StationHTTP
import Testing

@Suite("Health on a shared PostgreSQL ledger")
struct SharedLedgerHealthTests {
    @Test("/health says offline (200) with the steps waiting while PostgreSQL is out of reach, and ok once they are replayed")
    func offlineThenBack() async throws {
        let database = try await PostgresTestServer.freshDatabase()
        let relay = try await CuttableRelay(upstreamHost: database.host, upstreamPort: database.port)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("health-\(UUID().uuidString)").path
        let ledger = try BufferedLedger(shared: try await PostgresLedger(configuration: database.through(relay), station: "WX-01"),
                                        journal: try OfflineJournal(path: folder + "/station.sqlite", station: "WX-01"),
                                        options: .init(leaseReserve: 100, answerTimeout: .seconds(1), retryInterval: .milliseconds(100)))
        let batch = try await ledger.createBatch(BatchSpec(gtin: "06901234567892", lot: "H1", quantity: 500))
        let codes = try await ledger.issue(batch: batch.id, count: 10)
        let api = StationAPI(settings: StationSettings(stationID: "WX-01", ledgerPath: folder + "/station.sqlite"), ledger: ledger,
                             signer: nil, products: nil, logger: Logger(label: "health-test") { _ in SwiftLogNoOpLogHandler() })
        let app = Application(router: api.router())

        relay.cut()
        try await ledger.record(codes.map { LabelChange(code: $0.value, event: .sent, batch: batch.id) })
        try await app.test(.router) { client in
            let answer = try await client.execute(uri: "/health", method: .get)
            let body = try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any] ?? [:]
            #expect(answer.status == .ok)
            #expect(body["status"] as? String == "offline" && body["ledger_reachable"] as? Bool == false)
            #expect(body["offline_steps_pending"] as? Int == codes.count && body["offline_steps_refused"] as? Int == 0)
        }

        relay.restore()
        try await ledger.replayPending()
        try await app.test(.router) { client in
            let answer = try await client.execute(uri: "/health", method: .get)
            let body = try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any] ?? [:]
            #expect(answer.status == .ok)
            #expect(body["status"] as? String == "ok" && body["offline_steps_pending"] as? Int == 0)
        }
        try await relay.close()
    }
}
