import NIOCore
import NIOPosix
import Synchronization

/// A TCP relay on loopback in front of the PostgreSQL test server that a test can cut (every
/// connection closed, new ones closed on arrival) and restore: a real network outage between
/// a station and its shared ledger, with the server itself left running for other tests.
public final class CuttableRelay: Sendable {
    public let port: Int
    private let server: any Channel
    private let state = RelayState()

    public init(upstreamHost: String, upstreamPort: Int) async throws {
        let state = self.state
        server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { inbound in
                guard !state.value.withLock({ $0.isCut }) else { return inbound.close() }
                return ClientBootstrap(group: inbound.eventLoop)
                    .connect(host: upstreamHost, port: upstreamPort)
                    .flatMap { outbound in
                        state.value.withLock { $0.channels += [inbound, outbound] }
                        return outbound.pipeline.addHandler(RelayHandler(partner: inbound)).flatMap {
                            inbound.pipeline.addHandler(RelayHandler(partner: outbound))
                        }
                    }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = server.localAddress!.port!
    }

    /// Closes every relayed connection and every new one until `restore`.
    public func cut() {
        let channels = state.value.withLock { state in
            state.isCut = true
            defer { state.channels = [] }
            return state.channels
        }
        for channel in channels { channel.close(promise: nil) }
    }

    public func restore() {
        state.value.withLock { $0.isCut = false }
    }

    public func close() async throws {
        cut()
        try await server.close()
    }
}

private final class RelayState: Sendable {
    let value = Mutex<(isCut: Bool, channels: [any Channel])>((false, []))
}

/// Passes each read on to the other side of the relay, and closes it when this side closes.
private final class RelayHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let partner: any Channel

    init(partner: any Channel) {
        self.partner = partner
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        partner.writeAndFlush(unwrapInboundIn(data), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner.close(promise: nil)
        context.fireChannelInactive()
    }
}
