import NIOCore

/// One query on its way out: what to send, how its answer is framed, by when, and where the
/// answer goes (the bytes between the delimiters; empty for a query without an answer).
struct PrinterRequest {
    let query: PrinterQuery
    let deadline: TimeAmount
    let promise: EventLoopPromise<[UInt8]>
}

/// Sends queries and frames their answers in order: by STX…ETX frames or by a quoted string.
///
/// Bytes that arrive while no answer is awaited (a late answer after a timeout, line ends
/// between frames) are dropped, so a late answer is never taken for the next one.
final class PrinterReplyHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = PrinterRequest
    typealias OutboundOut = ByteBuffer

    private struct Awaited {
        let query: PrinterQuery
        let promise: EventLoopPromise<[UInt8]>
        let timeout: Scheduled<Void>
    }

    /// An answer longer than this is not a status answer.
    static let maximumAnswer = 64 * 1024
    private var awaited = CircularBuffer<Awaited>()
    private var received: [UInt8] = []

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        let buffer = context.channel.allocator.buffer(bytes: request.query.bytes)
        let channel = context.channel
        guard request.query.framing != .none else {
            // A write that cannot finish in time means the printer stopped reading: drop the connection.
            let timeout = context.eventLoop.scheduleTask(in: request.deadline) {
                request.promise.fail(PrintingError.writeTimeout)
                channel.close(promise: nil)
            }
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.whenComplete { result in
                timeout.cancel()
                request.promise.completeWith(result.map { [] })
            }
            promise.map { written.futureResult.cascade(to: $0) }
            context.write(wrapOutboundOut(buffer), promise: written)
            return
        }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let timeout = context.eventLoop.scheduleTask(in: request.deadline) {
            loopBound.value.timedOut(request.promise)
        }
        awaited.append(Awaited(query: request.query, promise: request.promise, timeout: timeout))
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        guard !awaited.isEmpty else { return }
        received += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let first = awaited.first, let answer = Self.extract(first.query.framing, from: &received) {
            awaited.removeFirst()
            first.timeout.cancel()
            first.promise.succeed(answer)
        }
        if awaited.isEmpty {
            received.removeAll()
        } else if received.count > Self.maximumAnswer {
            failAll(PrintingError.readTimeout(query: awaited.first!.query.description, partial: true))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(PrintingError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        failAll(PrintingError.connectionClosed)
        context.close(promise: nil)
    }

    /// Fails the timed-out query and every one behind it: their answers, if any come, would
    /// arrive after the late one and could not be told apart.
    private func timedOut(_ promise: EventLoopPromise<[UInt8]>) {
        guard let index = awaited.firstIndex(where: { $0.promise.futureResult === promise.futureResult }) else { return }
        let partial = !received.isEmpty
        let query = awaited[index].query.description
        failAll(PrintingError.readTimeout(query: query, partial: partial))
    }

    private func failAll(_ error: PrintingError) {
        let failed = awaited
        awaited.removeAll()
        received.removeAll()
        for request in failed {
            request.timeout.cancel()
            request.promise.fail(error)
        }
    }

    /// Takes one whole answer off the front of `bytes`, or returns `nil` until it is complete.
    /// Bytes before the answer's first delimiter are line ends or noise, and are dropped.
    static func extract(_ framing: PrinterQuery.Framing, from bytes: inout [UInt8]) -> [UInt8]? {
        switch framing {
        case .none:
            return []
        case let .frames(count):
            guard let start = bytes.firstIndex(of: 0x02) else {
                bytes.removeAll()
                return nil
            }
            var seen = 0
            for index in start..<bytes.count where bytes[index] == 0x03 {
                seen += 1
                if seen == count {
                    let answer = Array(bytes[start...index])
                    bytes.removeSubrange(...index)
                    return answer
                }
            }
            bytes.removeSubrange(..<start)
            return nil
        case .quoted:
            let quote = UInt8(ascii: "\"")
            guard let start = bytes.firstIndex(of: quote) else {
                bytes.removeAll()
                return nil
            }
            guard let end = bytes[(start + 1)...].firstIndex(of: quote) else {
                bytes.removeSubrange(..<start)
                return nil
            }
            let answer = Array(bytes[(start + 1)..<end])
            bytes.removeSubrange(...end)
            return answer
        }
    }
}
