import NIOCore

/// Hands each parsed event to the printer and writes its answers back in order.
final class PrinterConnectionHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked: all state is touched on the channel's event loop only.
    typealias InboundIn = PrinterInput
    typealias OutboundOut = ByteBuffer

    private let printer: VirtualPrinter
    private var previous: EventLoopFuture<Void>?
    private var claimed = false

    init(printer: VirtualPrinter) {
        self.printer = printer
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        let printer = printer
        // A raw port serves one host at a time; a second one is closed, as a busy printer does.
        context.eventLoop.makeFutureWithTask { await printer.claimConnection() }.whenSuccess { claimed in
            self.claimed = claimed
            if !claimed { channel.close(promise: nil) }
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        let printer = printer
        if claimed {
            _ = context.eventLoop.makeFutureWithTask { await printer.releaseConnection() }
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let input = unwrapInboundIn(data)
        let printer = printer
        let channel = context.channel
        let eventLoop = context.eventLoop
        // Answers keep the order of the queries, however long each takes.
        let start = previous ?? eventLoop.makeSucceededVoidFuture()
        previous = start.flatMap {
            eventLoop.makeFutureWithTask { await printer.receive(input) }
        }.map { reply in
            if !reply.bytes.isEmpty {
                channel.writeAndFlush(channel.allocator.buffer(bytes: reply.bytes), promise: nil)
            }
            if reply.closeConnection {
                channel.close(promise: nil)
            }
        }
    }
}
