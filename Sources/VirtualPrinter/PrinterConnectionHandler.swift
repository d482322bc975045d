import NIOCore

/// Hands the parsed events of each read to the printer and writes its answers back in order.
///
/// The channel runs on the printer's own event loop, so a printer that takes no time over
/// events answers within the read; one that does (a print speed, a status delay) answers
/// from a task, and later reads wait their turn behind it.
final class PrinterConnectionHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked: all state is touched on the channel's event loop only.
    typealias InboundIn = [PrinterInput]
    typealias OutboundOut = ByteBuffer

    private let printer: VirtualPrinter
    private var previous: EventLoopFuture<Void>?
    /// Reads handed to a task whose answers are not written yet.
    private var awaitingTasks = 0
    private var claimed = false
    /// Set once a reply closed the connection.
    private var dropped = false
    /// The events of the read under way: the printer takes them in one call, not one call
    /// per event, since each call is a hop to the printer's actor and back.
    private var pending: [PrinterInput] = []

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
        // What arrived just before the host closed still prints.
        dispatch(context: context)
        let printer = printer
        if claimed {
            _ = context.eventLoop.makeFutureWithTask { await printer.releaseConnection() }
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let read = unwrapInboundIn(data)
        // Usually the only message of the read: taken as it is, not copied element by element.
        if pending.isEmpty { pending = read } else { pending += read }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        dispatch(context: context)
        context.fireChannelReadComplete()
    }

    private func dispatch(context: ChannelHandlerContext) {
        guard !pending.isEmpty, !dropped else { return }
        let inputs = pending
        pending = []
        let printer = printer
        let channel = context.channel
        if awaitingTasks == 0, let reply = printer.assumeIsolated({ $0.receiveAtOnce(inputs) }) {
            dropped = reply.closeConnection
            Self.send(reply, on: channel)
            return
        }
        let eventLoop = context.eventLoop
        // Answers keep the order of the queries, however long each takes, and each goes out
        // once it is ready, as a printer answers a query once it reaches it.
        var chain = previous ?? eventLoop.makeSucceededVoidFuture()
        awaitingTasks += 1
        for input in inputs {
            chain = chain.flatMap {
                // Under `drop-after-bytes` nothing after the dropped format runs.
                guard !self.dropped else { return eventLoop.makeSucceededVoidFuture() }
                return eventLoop.makeFutureWithTask { await printer.receive([input]) }.map { reply in
                    self.dropped = reply.closeConnection
                    Self.send(reply, on: channel)
                }
            }
        }
        previous = chain.map { self.awaitingTasks -= 1 }
    }

    private static func send(_ reply: PrinterReply, on channel: Channel) {
        if !reply.bytes.isEmpty {
            channel.writeAndFlush(channel.allocator.buffer(bytes: reply.bytes), promise: nil)
        }
        if reply.closeConnection {
            channel.close(promise: nil)
        }
    }
}
