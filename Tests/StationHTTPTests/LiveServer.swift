import Hummingbird
import StationHTTP

struct ServerDidNotStart: Error, CustomStringConvertible {
    var description: String { "the station's HTTP server stopped before it listened" }
}

/// Runs the station's HTTP server for real, on 127.0.0.1 and a port the system picks, while
/// `body` runs with that port; then shuts it down.
func withLiveServer<T: Sendable>(_ api: StationAPI, _ body: (Int) async throws -> T) async throws -> T {
    let (ports, listening) = AsyncStream.makeStream(of: Int.self)
    let app = Application(router: api.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "tracestation"),
                          onServerRunning: { channel in
                              listening.yield(channel.localAddress?.port ?? 0)
                              listening.finish()
                          },
                          logger: api.logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { listening.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        defer { group.cancelAll() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw ServerDidNotStart() }
        return try await body(port)
    }
}
