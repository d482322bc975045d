import NIOCore
import NIOPosix

/// A line-based control port for faults: send `paper-out-after=3`, `head-open=1`,
/// `clear` or `status`, one a line; each gets one line back (`ok`, `error: …`, or the status).
///
/// Plain lines on a second TCP port rather than HTTP, so the printer needs no HTTP library:
/// `printf 'head-open=1\n' | nc 127.0.0.1 9190`.
public enum ControlServer {
    public static func start(printer: VirtualPrinter, host: String = "127.0.0.1", port: Int,
                             group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ControlHandler(printer: printer))
                }
            }
            .bind(host: host, port: port).get()
    }

    /// The answer to one control line.
    public static func answer(_ line: String, printer: VirtualPrinter) async -> String {
        let command = line.trimmingCharacters(in: [" ", "\r", "\t"])
        switch command.lowercased() {
        case "":
            return ""
        case "clear":
            await printer.setFaults(PrinterFaults())
            return "ok"
        case "status":
            let faults = await printer.faults
            return "odometer=\(await printer.odometer) faults=\(faults)"
        default:
            do {
                try await printer.setFault(command)
                return "ok"
            } catch {
                return "error: \(error)"
            }
        }
    }
}

final class ControlHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked: the pending line is touched on the channel's event loop only.
    typealias InboundIn = ByteBuffer
    private let printer: VirtualPrinter
    private var pending: [UInt8] = []
    private var previous: EventLoopFuture<Void>?

    init(printer: VirtualPrinter) { self.printer = printer }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        guard pending.count <= 4096 else {
            context.close(promise: nil)
            return
        }
        while let end = pending.firstIndex(of: 0x0A) {
            let line = String(decoding: pending[..<end], as: UTF8.self)
            pending.removeSubrange(...end)
            let printer = printer, channel = context.channel, eventLoop = context.eventLoop
            let start = previous ?? eventLoop.makeSucceededVoidFuture()
            previous = start.flatMap {
                eventLoop.makeFutureWithTask { await ControlServer.answer(line, printer: printer) }
            }.map { answer in
                if !answer.isEmpty { channel.writeAndFlush(channel.allocator.buffer(string: answer + "\n"), promise: nil) }
            }
        }
    }
}
