import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The reference receiver for reports: a stand-in for the traceability platform that checks
/// signatures, validates payloads, drops duplicates by idempotency key, stores what it accepts
/// and injects faults. It serves plain HTTP, meant for loopback; a real platform is HTTPS.
///
/// ```
/// let receiver = try await PlatformReceiver.start(.init(port: 0, storeFolder: folder))
/// // POST signed chunks to receiver.endpoint …
/// let stats = await receiver.stats()
/// await receiver.stop()
/// ```
public final class PlatformReceiver: Sendable {
    /// The port listened on, also when the configuration asked for 0.
    public let port: Int
    public let configuration: Configuration
    private let store: ReceiverStore
    private let faults: FaultInjector
    private let services: ServiceGroup
    private let server: Task<Void, any Error>

    private init(port: Int, configuration: Configuration, store: ReceiverStore, faults: FaultInjector, services: ServiceGroup,
                 server: Task<Void, any Error>) {
        self.port = port
        self.configuration = configuration
        self.store = store
        self.faults = faults
        self.services = services
        self.server = server
    }

    /// Where to POST chunks: `http://HOST:PORT/reports`.
    public var endpoint: URL {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return URL(string: "http://\(host):\(port)\(Self.reportsPath)")!
    }

    /// Opens the store, then listens; returns once the port is bound.
    public static func start(_ configuration: Configuration) async throws -> PlatformReceiver {
        let configuration = try configuration.validated()
        let store = try ReceiverStore(folder: configuration.storeFolder)
        let faults = FaultInjector(faults: configuration.faults, seed: configuration.seed)
        let endpoint = ReportEndpoint(configuration: configuration, store: store, faults: faults)

        let router = Router(context: ReceiverContext.self)
        router.post(.init(stringLiteral: reportsPath)) { request, context in
            try await endpoint.respond(to: request, context: context)
        }
        router.get("/stats") { _, _ in
            ReportEndpoint.json(.ok, await store.stats())
        }
        router.get("/health") { _, _ in
            HTTPResponse.Status.ok
        }
        let (bound, boundContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "tracestation-platform-sim")
        if configuration.quiet { logger.logLevel = .warning }
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "tracestation-platform-sim"),
            onServerRunning: { channel in
                boundContinuation.yield(channel.localAddress?.port ?? configuration.port)
                boundContinuation.finish()
            },
            logger: logger
        )
        // Signals are the caller's to handle; stop() shuts the server down gracefully.
        let services = ServiceGroup(configuration: .init(services: [application], logger: application.logger))
        let server = Task {
            defer { boundContinuation.finish() }
            try await services.run()
        }
        var ports = bound.makeAsyncIterator()
        guard let port = await ports.next() else {
            await store.close()
            let reason: String
            switch await server.result {
            case .failure(let error): reason = "\(error)"
            case .success: reason = "the server stopped at once"
            }
            throw PlatformSimError("\(configuration.host):\(configuration.port)", .cannotListen(reason))
        }
        return PlatformReceiver(port: port, configuration: configuration, store: store, faults: faults, services: services, server: server)
    }

    public func stats() async -> ReceiverStats {
        await store.stats()
    }

    /// Changes the faults of the requests that come next, e.g. a platform down (fail rate 1)
    /// and then back (`.none`).
    public func setFaults(_ faults: ReceiverFaults) async throws(PlatformSimError) {
        await self.faults.set(try faults.validated())
    }

    /// Stops listening, lets requests in progress finish, and closes the store; what was
    /// acknowledged is already on disk.
    public func stop() async {
        await services.triggerGracefulShutdown()
        _ = await server.result
        await store.close()
    }

    /// The durable store's file, one accepted chunk per line.
    public var storePath: String {
        URL(fileURLWithPath: configuration.storeFolder).appendingPathComponent(ReceiverStore.fileName).path
    }
}
