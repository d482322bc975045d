import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import Logging
import PostgresTestSupport
import Station
import StationHTTP
import Testing

@Suite("Health and the offline journal on a shared PostgreSQL ledger")
struct SharedLedgerHealthTests {
    static let lead = StationSettings.User(name: "Li Na", role: .lead, token: "lead-token-0003")

    @Test("/health says offline (200) with the steps waiting while PostgreSQL is out of reach, and ok once they are replayed; the lead sees the steps the ledger refused")
    func offlineThenBack() async throws {
        let database = try await PostgresTestServer.freshDatabase()
        let relay = try await CuttableRelay(upstreamHost: database.host, upstreamPort: database.port)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("health-\(UUID().uuidString)").path
        let ledger = try BufferedLedger(shared: try await PostgresLedger(configuration: database.through(relay), station: "WX-01"),
                                        journal: try OfflineJournal(path: folder + "/station.sqlite", station: "WX-01"),
                                        options: .init(leaseReserve: 100, answerTimeout: .seconds(1), retryInterval: .milliseconds(100)))
        let batch = try await ledger.createBatch(BatchSpec(gtin: "06901234567892", lot: "H1", quantity: 500))
        let codes = try await ledger.issue(batch: batch.id, count: 10)
        let api = StationAPI(settings: StationSettings(stationID: "WX-01", ledgerPath: folder + "/station.sqlite", users: [Self.lead]), ledger: ledger,
                             signer: nil, products: nil, logger: Logger(label: "health-test") { _ in SwiftLogNoOpLogHandler() })
        let app = Application(router: api.router())

        relay.cut()
        try await ledger.record(codes.dropLast().map { LabelChange(code: $0.value, event: .sent, batch: batch.id) })
        // Verified before it was ever printed: journaled as it comes, refused on replay.
        try await ledger.record([LabelChange(code: codes.last!.value, event: .verifiedPass, batch: batch.id)])
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
            #expect(body["offline_steps_refused"] as? Int == 1)

            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(Self.lead.token)"
            let journal = try await client.execute(uri: "/api/v1/offline-journal", method: .get, headers: headers)
            let shown = try JSONSerialization.jsonObject(with: Data(buffer: journal.body)) as? [String: Any] ?? [:]
            #expect(journal.status == .ok)
            #expect(shown["pending"] as? Int == 0 && shown["refused"] as? Int == 1)
            let refused = (shown["refused_steps"] as? [[String: Any]])?.first
            #expect(refused?["code"] as? String == codes.last!.value && refused?["event"] as? String == "verified-pass")
            #expect((refused?["reason"] as? String)?.contains("cannot become verified-pass") == true, "\(shown)")
        }
        try await relay.close()
    }

    @Test("A station on its own ledger file has no offline journal to show")
    func noJournal() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            let answer = try await client.get("/api/v1/offline-journal", as: .lead)
            #expect(answer.status == 404 && answer.error?.error == "no-offline-journal")
            #expect(try await client.get("/api/v1/offline-journal", as: .quality).status == 403)
        }
    }
}
