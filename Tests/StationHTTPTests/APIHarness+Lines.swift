import Ledger
import Station
import StationHTTP

/// A harness whose lines run for real: each on its own virtual printer over loopback, writing
/// its label images to `folder/labels-<line>`, over the harness's ledger.
extension APIHarness {
    private init(folder: String, ledger: SQLiteLedger, signer: CheckpointSigner?, api: StationAPI) {
        self.folder = folder
        self.ledger = ledger
        self.signer = signer
        self.api = api
    }

    /// Runs `body` with this harness's lines running; stops them after, whatever `body` did.
    func withRunningLines<T>(_ body: (APIHarness) async throws -> T) async throws -> T {
        var workflows: [LineWorkflow] = []
        do {
            for line in api.settings.lines {
                workflows.append(try await LineWorkflow.start(settings: line, ledger: ledger, labelFolder: "\(folder)/labels-\(line.id)"))
            }
            let running = StationAPI(settings: api.settings, ledger: ledger, signer: signer, products: api.products, logger: api.logger,
                                     metrics: api.metrics, lines: workflows, maximumImageBytes: api.maximumImageBytes)
            let value = try await body(APIHarness(folder: folder, ledger: ledger, signer: signer, api: running))
            for workflow in workflows { await workflow.close() }
            return value
        } catch {
            for workflow in workflows { await workflow.close() }
            throw error
        }
    }
}
