import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import Logging
import Reporting
import Station
import StationHTTP
import Symbology
import VirtualPrinter

/// A station API over a fresh SQLite ledger in its own temporary folder, with one user per
/// role, and helpers that send requests as one of them.
struct APIHarness {
    static let gtin = "06901234567892"
    static let tokens: [StationSettings.Role: String] = [
        .operator_: "operator-token-0001", .quality: "quality-token-0002", .lead: "lead-token-0003", .admin: "admin-token-0004",
    ]
    static let names: [StationSettings.Role: String] = [.operator_: "Olga", .quality: "Qiang", .lead: "Li Na", .admin: "Ada"]

    struct Answer {
        let status: Int
        let headers: HTTPFields
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
        var error: APIErrorBody? { try? JSONDecoder().decode(APIErrorBody.self, from: Data(body)) }
    }

    let folder: String
    let ledger: SQLiteLedger
    let signer: CheckpointSigner?
    private(set) var api: StationAPI
    /// The lines running on virtual printers, after `runningLines()`.
    private(set) var workflows: [LineWorkflow] = []
    private var followers: [Task<Void, Never>] = []

    init(signer: CheckpointSigner? = CheckpointSigner(), products: [String: Product]? = nil, maximumImageBytes: Int = StationAPI.defaultMaximumImageBytes,
         lines: [LineSettings] = [LineSettings(id: "line-1"), LineSettings(id: "line-2")]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("station-http-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        ledger = try SQLiteLedger(path: folder + "/station.sqlite", station: "WX-01")
        self.signer = signer
        let users = StationSettings.Role.allCases.map { StationSettings.User(name: Self.names[$0]!, role: $0, token: Self.tokens[$0]!) }
        let settings = StationSettings(stationID: "WX-01", ledgerPath: folder + "/station.sqlite", lines: lines, users: users)
        api = StationAPI(settings: settings, ledger: ledger, signer: signer, products: products, logger: Logger(label: "station-http-test") { _ in SwiftLogNoOpLogHandler() },
                         maximumImageBytes: maximumImageBytes)
    }

    /// The same station with its first `count` lines (all by default) running, each on its own
    /// virtual printer over loopback, starting with `faults` (such as `paper-out-after=5`).
    func runningLines(_ count: Int? = nil, faults: [String] = []) async throws -> APIHarness {
        var printerFaults = PrinterFaults()
        for fault in faults { try printerFaults.set(fault) }
        var running = self
        for line in api.settings.lines.prefix(count ?? api.settings.lines.count) {
            running.workflows.append(try await LineWorkflow.start(settings: line, ledger: ledger, labelFolder: "\(folder)/\(line.id)/labels",
                                                                  options: .init(printerFaults: printerFaults)))
        }
        running.api = StationAPI(settings: api.settings, ledger: ledger, signer: signer, products: api.products, logger: api.logger,
                                 lines: running.workflows, maximumImageBytes: api.maximumImageBytes)
        for workflow in running.workflows { running.followers.append(await running.api.metrics.follow(workflow)) }
        return running
    }

    /// Closes the running lines.
    func stopLines() async {
        for workflow in workflows { await workflow.close() }
        for follower in followers { await follower.value }
    }

    /// Runs `body` with a client of the app through Hummingbird's router test framework.
    func test<Value: Sendable>(_ body: @Sendable (Client) async throws -> Value) async throws -> Value {
        let app = Application(router: api.router())
        return try await app.test(.router) { client in try await body(Client(client: client)) }
    }

    struct Client: Sendable {
        let client: any TestClientProtocol

        func send(_ method: HTTPRequest.Method, _ uri: String, as role: StationSettings.Role? = nil, token: String? = nil,
                  body: [UInt8]? = nil, contentType: String? = nil, authorization: String? = nil,
                  headers extra: HTTPFields = [:]) async throws -> Answer {
            var headers = extra
            if let token = token ?? role.map({ APIHarness.tokens[$0]! }) { headers[.authorization] = "Bearer \(token)" }
            if let authorization { headers[.authorization] = authorization }
            if let contentType { headers[.contentType] = contentType }
            let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
            return Answer(status: Int(response.status.code), headers: response.headers, body: Array(response.body.readableBytesView))
        }

        func get(_ uri: String, as role: StationSettings.Role? = nil) async throws -> Answer {
            try await send(.get, uri, as: role)
        }

        /// POSTs `json` (a JSON text) as application/json.
        func post(_ uri: String, as role: StationSettings.Role?, json: String) async throws -> Answer {
            try await send(.post, uri, as: role, body: Array(json.utf8), contentType: "application/json")
        }
    }

    // MARK: Ledger set-up, done directly on the ledger as the line workflow will

    func createBatch(quantity: Int = 10) async throws -> Int64 {
        try await ledger.createBatch(BatchSpec(gtin: Self.gtin, lot: "B20260301", productionDate: "260301", quantity: quantity)).id
    }

    /// Issues `count` codes and records each printed, as a printer would confirm them.
    func printLabels(batch: Int64, count: Int) async throws -> [String] {
        let codes = try await ledger.issue(batch: batch, count: count).map(\.value)
        try await ledger.record(codes.map { LabelChange(code: $0, event: .printed, batch: batch) })
        return codes
    }

    // MARK: Images

    /// A binary PGM (P5) of `text` as a QR Code, 4 pixels per module with a 4-module quiet zone.
    static func qrImage(_ text: String) throws -> [UInt8] {
        let matrix = try QRCode.matrix(for: Array(text.utf8))
        let moduleSize = 4, quiet = 4
        let side = (matrix.size + 2 * quiet) * moduleSize
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<matrix.size {
            for x in 0..<matrix.size where matrix.isDark(x: x, y: y) {
                for dy in 0..<moduleSize {
                    let row = ((y + quiet) * moduleSize + dy) * side
                    for dx in 0..<moduleSize { pixels[row + (x + quiet) * moduleSize + dx] = 0 }
                }
            }
        }
        return Array("P5\n\(side) \(side)\n255\n".utf8) + pixels
    }

    /// A white PGM with nothing to read.
    static func blankImage(side: Int = 64) -> [UInt8] {
        Array("P5\n\(side) \(side)\n255\n".utf8) + [UInt8](repeating: 255, count: side * side)
    }
}
