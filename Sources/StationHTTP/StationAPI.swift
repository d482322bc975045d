import Hummingbird
import Ledger
import Logging
import Reporting
import Station

/// The station's HTTP API: builds the Hummingbird router and application over the station's
/// settings (users and lines), its ledger, the key that signs batch closes, the reporting
/// profile's products and the metrics registry.
///
/// ```
/// let api = StationAPI(settings: settings, ledger: ledger, signer: signer, products: profile.products, logger: logger)
/// try await api.application().runService()
/// ```
public struct StationAPI: Sendable {
    public static let defaultMaximumImageBytes = 16 << 20

    public let settings: StationSettings
    public let ledger: any LedgerStore
    /// Nil when no signing key is configured: closes are then refused with 503, never unsigned.
    public let signer: CheckpointSigner?
    /// The reporting profile's products by GTIN-14; when given, a batch must be of one of them.
    public let products: [String: Product]?
    public let logger: Logger
    public let metrics: StationMetrics
    /// The running lines by id; a configured line missing here answers 503.
    public let lines: [String: LineWorkflow]
    /// Uploaded images larger than this are refused with 413 before they are read whole.
    public var maximumImageBytes: Int
    /// The plant view's staleness and clock.
    public var plant: PlantOptions
    /// Serves the plant view alone (`serve --plant`): no line, batch or label routes, and `/`
    /// leads to `/dashboard/plant`.
    public var plantOnly: Bool

    public init(settings: StationSettings, ledger: any LedgerStore, signer: CheckpointSigner?, products: [String: Product]? = nil,
                logger: Logger, metrics: StationMetrics? = nil, lines: [LineWorkflow] = [],
                maximumImageBytes: Int = StationAPI.defaultMaximumImageBytes, plant: PlantOptions = PlantOptions(), plantOnly: Bool = false) {
        self.settings = settings
        self.ledger = ledger
        self.signer = signer
        self.products = products
        self.logger = logger
        self.metrics = metrics ?? StationMetrics(lines: settings.lines.map(\.id))
        self.lines = Dictionary(lines.map { ($0.settings.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.maximumImageBytes = maximumImageBytes
        self.plant = plant
        self.plantOnly = plantOnly
    }

    /// Every route of `APIOperation.all` (or of `APIOperation.plantOnly`); the open ones
    /// without a token, the rest behind `BearerAuthenticator` and each route's role.
    public func router() -> Router<StationRequestContext> {
        let router = Router(context: StationRequestContext.self)
        // Metrics outermost, so they see the status of every answer, errors included.
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: APIErrorMiddleware())
        let authenticated = router.group().add(middleware: BearerAuthenticator(users: settings.users))

        func register(_ operation: APIOperation, _ handler: @escaping @Sendable (Request, StationRequestContext) async throws -> Response) {
            let role = operation.role
            let routes: any RouterMethods<StationRequestContext> = role == nil ? router : authenticated
            routes.on(RouterPath(operation.path), method: operation.method) { request, context in
                if let role { try context.require(role) }
                return try await handler(request, context)
            }
        }

        register(.health) { _, _ in await health() }
        register(.metrics) { _, _ in
            JSONResponse.text(metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        let document = OpenAPIDocument.json(operations: plantOnly ? APIOperation.plantOnly : APIOperation.all, stationID: settings.stationID)
        register(.openAPI) { _, _ in JSONResponse.text(document, contentType: JSONResponse.contentType) }
        register(.plant) { _, _ in try await plantStatus() }
        register(.plantDashboard) { request, _ in try await plantDashboard(request) }
        register(.plantDashboardStatus) { _, _ in try await plantStatus(headers: [.cacheControl: "no-store"]) }
        if plantOnly {
            register(.plantRoot) { _, _ in Response(status: .found, headers: [.location: "/dashboard/plant"]) }
            return router
        }
        register(.listProducts) { _, _ in
            JSONResponse.make(ProductListBody(products: (products ?? [:]).values.sorted { $0.gtin < $1.gtin }))
        }
        register(.listBatches) { _, _ in
            JSONResponse.make(BatchListBody(batches: try await ledgerCall { () async throws(LedgerError) in try await ledger.batches() }
                .map { BatchBody($0) }))
        }
        register(.createBatch) { request, _ in try await createBatch(request) }
        register(.getBatch) { _, context in try await batch(context) }
        register(.closeBatch) { request, context in try await close(request, context) }
        register(.voidLabel) { request, context in try await void(request, context) }
        register(.verifyImage) { request, context in try await verifyImage(request, context) }
        register(.reconciliation) { request, context in try await reconciliation(request, context) }
        register(.audit) { request, _ in try await audit(request) }
        register(.offlineJournal) { _, _ in try offlineJournal() }
        register(.listLines) { _, _ in await listLines() }
        register(.getLine) { _, context in try await showLine(context) }
        register(.startLine) { request, context in try await startLine(request, context) }
        register(.pauseLine) { _, context in try await pauseLine(context) }
        register(.resumeLine) { _, context in try await resumeLine(context) }
        register(.triggerLine) { _, context in try await triggerLine(context) }
        register(.finishLine) { _, context in try await finishLine(context) }
        register(.linePrinter) { _, context in try await printer(context) }
        register(.root) { _, _ in Response(status: .found, headers: [.location: "/dashboard"]) }
        register(.dashboard) { request, _ in try await dashboard(request) }
        register(.dashboardStatus) { _, _ in try await dashboardStatus() }
        register(.labelImage) { _, context in try await labelImage(context) }
        return router
    }

    /// The server, listening on `host` and the settings' HTTP port unless `port` is given
    /// (0 picks a free one, told to `onListening`). Loopback by default: tokens travel in clear
    /// over plain HTTP.
    public func application(host: String = "127.0.0.1", port: Int? = nil,
                            onListening: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        let chosen = port ?? settings.httpPort
        return Application(router: router(), configuration: .init(address: .hostname(host, port: chosen), serverName: "tracestation"),
                           onServerRunning: { channel in onListening(channel.localAddress?.port ?? chosen) }, logger: logger)
    }
}
