import NIOCore
import NIOPosix

/// A virtual printer listening on a raw TCP port, as a printer on port 9100 does.
public enum PrinterServer {
    /// Starts listening; close the returned channel to stop. Port 0 picks a free port.
    public static func start(printer: VirtualPrinter, host: String = "127.0.0.1", port: Int = 9100,
                             group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> Channel {
        // Connections are served on the printer's own loop, which runs the printer too.
        try await ServerBootstrap(group: group, childGroup: printer.eventLoop)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            // Reads of up to 1 MiB: a host sending labels back to back fills them, and each read
            // costs a call and a pass through the pipeline whatever its size.
            .childChannelOption(ChannelOptions.recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 2048, maximum: 1 << 20))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ZPLStreamDecoder(keptCommands: printer.keptCommands)))
                    try channel.pipeline.syncOperations.addHandler(PrinterConnectionHandler(printer: printer))
                }
            }
            .bind(host: host, port: port).get()
    }
}
