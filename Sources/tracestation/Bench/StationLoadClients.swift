// AsyncHTTPClient comes with Reporting, which delivers reports with it; the load uses the same client.
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import TraceCodes

/// The station's API over real HTTP on loopback, as the lead whose token the load configured.
struct LoadAPI: Sendable {
    let base: String
    let token: String
    let http: HTTPClient
    /// The clients' own thread: they stand for other machines, and must not queue behind the
    /// station's event loops to send or to read, or the station would be blamed for their wait.
    private let group: MultiThreadedEventLoopGroup

    init(port: Int, token: String) {
        base = "http://127.0.0.1:\(port)"
        self.token = token
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        http = HTTPClient(eventLoopGroup: group)
    }

    /// The status and body of one request.
    func send(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> (status: Int, body: ByteBuffer) {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await http.execute(request, timeout: .seconds(30))
        return (Int(response.status.code), try await response.body.collect(upTo: 64 << 20))
    }

    /// The JSON object answered, failing unless the status is `expected`.
    func object(_ method: HTTPMethod, _ path: String, json: String? = nil, expected: Int) async throws -> [String: Any] {
        let (status, body) = try await send(method, path, json: json)
        let text = String(buffer: body)
        guard status == expected else { throw BenchError("\(method) \(path) answered \(status), not \(expected): \(text)") }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// Creates an open batch of `quantity` labels and returns its id. The overage covers the
    /// reprints of unreadable labels and the codes a kill leaves behind (up to a printer's
    /// worth at each), which a small batch's default 5 % would not.
    func createBatch(lot: String, quantity: Int) async throws -> Int64 {
        let spare = 64 + quantity / 20
        let overage = min(100, (spare * 100 + quantity - 1) / quantity)
        let body = try await object(.POST, "/api/v1/batches", json: """
            {"gtin": "\(StationLoad.gtin)", "lot": "\(lot)", "quantity": \(quantity), "overage_percent": \(overage)}
            """, expected: 201)
        guard let id = (body["id"] as? NSNumber)?.int64Value else { throw BenchError("the new batch has no id: \(body)") }
        return id
    }

    func startLine(_ line: String, batch: Int64, count: Int) async throws {
        _ = try await object(.POST, "/api/v1/lines/\(line)/start", json: #"{"batch": \#(batch), "count": \#(count)}"#, expected: 202)
    }

    func shutdown() async throws {
        try await http.shutdown()
        try await group.shutdownGracefully()
    }
}

/// What a dashboard and a supervisory system ask while the lines print: the lines, one line,
/// a batch, the metrics, the health check and the dashboard's status, each client picking one
/// at random after a short random pause.
struct APIPollers: Sendable {
    let api: LoadAPI
    let lines: [String]
    let batches: [Int64]
    let seed: UInt64

    /// The routes asked, by the name their latency is reported under.
    var routes: [(name: String, path: @Sendable (inout SplitMix64) -> String)] {
        let lines = lines, batches = batches
        return [
            ("GET /api/v1/lines", { _ in "/api/v1/lines" }),
            ("GET /api/v1/lines/{line}", { "/api/v1/lines/\(lines.randomElement(using: &$0)!)" }),
            ("GET /api/v1/batches/{batch}", { "/api/v1/batches/\(batches.randomElement(using: &$0)!)" }),
            ("GET /metrics", { _ in "/metrics" }),
            ("GET /health", { _ in "/health" }),
            ("GET /dashboard/status.json", { _ in "/dashboard/status.json" }),
        ]
    }

    /// Starts `count` clients; they poll until `stop()`.
    func start(_ count: Int) -> Running {
        let routes = routes
        let tasks = (0..<count).map { client in
            Task {
                var random = SplitMix64(seed: seed &+ 0x5EED &+ UInt64(client))
                var samples = LatencySamples()
                let clock = ContinuousClock()
                while !Task.isCancelled {
                    let route = routes.randomElement(using: &random)!
                    let path = route.path(&random)
                    let start = clock.now
                    do {
                        let (status, _) = try await api.send(.GET, path)
                        samples.add(route.name, clock.now - start, failed: status != 200)
                    } catch {
                        // A request cut short by the end of the load is not the station's failure.
                        if Task.isCancelled { break }
                        samples.add(route.name, clock.now - start, failed: true)
                    }
                    try? await Task.sleep(for: .milliseconds(Int.random(in: 10...50, using: &random)))
                }
                return samples
            }
        }
        return Running(tasks: tasks)
    }

    struct Running {
        let tasks: [Task<LatencySamples, Never>]

        /// Stops the clients and returns every latency they measured.
        func stop() async -> LatencySamples {
            for task in tasks { task.cancel() }
            var all = LatencySamples()
            for task in tasks { all.merge(await task.value) }
            return all
        }
    }
}

/// Request latencies, in milliseconds, by route.
struct LatencySamples: Sendable {
    var byRoute: [String: [Double]] = [:]
    var failures = 0

    var all: [Double] { byRoute.values.flatMap { $0 } }

    mutating func add(_ route: String, _ latency: Duration, failed: Bool) {
        byRoute[route, default: []].append(latency.milliseconds)
        if failed { failures += 1 }
    }

    mutating func merge(_ other: LatencySamples) {
        byRoute.merge(other.byRoute, uniquingKeysWith: +)
        failures += other.failures
    }

    /// The `quantile` (0...1) of `samples` by the nearest-rank method; 0 when there are none.
    static func quantile(_ quantile: Double, of samples: [Double]) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((quantile * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}
