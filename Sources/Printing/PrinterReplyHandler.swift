import NIOCore

/// One write on its way out: a query, or a batch of jobs sent as one write; how its answer is
/// framed, by when, and where the answer goes (the bytes between the delimiters; empty for a
/// write without an answer).
struct PrinterRequest {
    let payload: ByteBuffer
    let framing: PrinterQuery.Framing
    let description: String
    /// For a write without an answer, the time to write it; otherwise the time to answer once written.
    let deadline: TimeAmount
    let promise: EventLoopPromise<[UInt8]>

    init(query: PrinterQuery, deadline: TimeAmount, promise: EventLoopPromise<[UInt8]>) {
        self.init(payload: ByteBufferAllocator().buffer(bytes: query.bytes), framing: query.framing, description: query.description,
                  deadline: deadline, promise: promise)
    }

    init(payload: ByteBuffer, framing: PrinterQuery.Framing, description: String, deadline: TimeAmount,
         promise: EventLoopPromise<[UInt8]>) {
        self.payload = payload
        self.framing = framing
        self.description = description
        self.deadline = deadline
        self.promise = promise
    }
}

/// Sends queries and frames their answers in order: by STX…ETX frames or by a quoted string.
///
/// Bytes that arrive while no answer is awaited (a late answer after a timeout, line ends
/// between frames) are dropped, so a late answer is never taken for the next one.
final class PrinterReplyHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = PrinterRequest
    typealias OutboundOut = ByteBuffer

    private final class Awaited {
        let request: PrinterRequest
        /// Set once the query is written: the answer's time runs from then, not while the
        /// query waits behind jobs written before it.
        var timeout: Scheduled<Void>?

        init(_ request: PrinterRequest) { self.request = request }
    }

    /// An answer longer than this is not a status answer.
    static let maximumAnswer = 64 * 1024
    private var awaited = CircularBuffer<Awaited>()
    private var received: [UInt8] = []

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        let channel = context.channel
        guard request.framing != .none else {
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
            context.write(wrapOutboundOut(request.payload), promise: written)
            return
        }
        let entry = Awaited(request)
        awaited.append(entry)
        let eventLoop = context.eventLoop
        let loopBound = NIOLoopBound((handler: self, entry: entry), eventLoop: eventLoop)
        let written = eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { result in
            let (handler, entry) = loopBound.value
            switch result {
            case .success:
                entry.timeout = eventLoop.scheduleTask(in: request.deadline) { loopBound.value.handler.timedOut(loopBound.value.entry) }
            case .failure:
                // A write that fails means a broken connection: no answer will come.
                handler.failAll(PrintingError.connectionClosed)
            }
        }
        promise.map { written.futureResult.cascade(to: $0) }
        context.write(wrapOutboundOut(request.payload), promise: written)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        guard !awaited.isEmpty else { return }
        received += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let first = awaited.first, let answer = Self.extract(first.request.framing, from: &received) {
            awaited.removeFirst()
            first.timeout?.cancel()
            first.request.promise.succeed(answer)
        }
        if awaited.isEmpty {
            received.removeAll()
        } else if received.count > Self.maximumAnswer {
            failAll(PrintingError.readTimeout(query: awaited.first!.request.description, partial: true))
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
    private func timedOut(_ entry: Awaited) {
        guard awaited.contains(where: { $0 === entry }) else { return }
        failAll(PrintingError.readTimeout(query: entry.request.description, partial: !received.isEmpty))
    }

    private func failAll(_ error: PrintingError) {
        let failed = awaited
        awaited.removeAll()
        received.removeAll()
        for entry in failed {
            entry.timeout?.cancel()
            entry.request.promise.fail(error)
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
