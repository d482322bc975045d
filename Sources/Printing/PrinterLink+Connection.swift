import NIOCore
import NIOPosix
import ZPL

extension PrinterLink {
    /// The open connection, or a new one after waits that double from `reconnectDelay`.
    /// A connection counts only once it has outlived a first `~HS`: a printer busy with
    /// another host accepts and then closes.
    func connection() async throws(PrintingError) -> Channel {
        if let channel, channel.isActive { return channel }
        if channel != nil { dropConnection(reason: PrintingError.connectionClosed.description) }
        var delay = configuration.reconnectDelay
        var failure = PrintingError.notConnected(host: host, port: port)
        for attempt in 1...configuration.reconnectAttempts {
            guard !closed else { throw .linkClosed }
            do throws(PrintingError) {
                let channel = try await connectOnce()
                self.channel = channel
                do throws(PrintingError) {
                    _ = try await request(.hostStatus)
                } catch {
                    // Silence or garbage is a status to report; only a closed connection is a failed attempt.
                    guard case .readTimeout = error else { throw error }
                }
                emit(.connected(host: host, port: port))
                return channel
            } catch {
                failure = error
            }
            if attempt < configuration.reconnectAttempts {
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, configuration.maximumReconnectDelay)
            }
        }
        publish(.offline)
        throw failure
    }

    private func connectOnce() async throws(PrintingError) -> Channel {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(PrinterReplyHandler())
                }
            }
        do {
            return try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw .connectFailed(host: host, port: port, reason: "\(error)")
        }
    }

    /// Forgets the connection. What was sent on it is settled on the next connection.
    func dropConnection(reason: String) {
        channel?.close(promise: nil)
        channel = nil
        readings.removeAll()
        expectedOdometer = nil
        emit(.disconnected(reason: reason))
        publish(.offline)
    }

    /// Sends one query on the connection and returns its answer.
    func request(_ query: PrinterQuery) async throws(PrintingError) -> [UInt8] {
        let channel = try await connection()
        return try await answer(send(query, on: channel))
    }

    /// Writes `query` behind whatever was written before it and returns its answer to come.
    func send(_ query: PrinterQuery, on channel: Channel) -> EventLoopFuture<[UInt8]> {
        let request = makeRequest(query, on: channel)
        write([request], on: channel)
        return request.promise.futureResult
    }

    func makeRequest(_ query: PrinterQuery, on channel: Channel) -> PrinterRequest {
        let deadline = query.framing == .none ? configuration.writeTimeout : configuration.readTimeout
        return PrinterRequest(query: query, deadline: TimeAmount(deadline), promise: channel.eventLoop.makePromise())
    }

    /// Writes requests in order with one flush, in one trip to the connection's event loop.
    func write(_ requests: [PrinterRequest], on channel: Channel) {
        channel.eventLoop.execute {
            for request in requests {
                channel.write(request).whenFailure { request.promise.fail($0) }
            }
            channel.flush()
        }
    }

    /// Waits for an answer; any failure but a timeout drops the connection. After a timeout the
    /// link waits a moment, so a late answer arrives while nothing is awaited and is dropped.
    func answer(_ future: EventLoopFuture<[UInt8]>) async throws(PrintingError) -> [UInt8] {
        do {
            return try await future.get()
        } catch let error as PrintingError {
            switch error {
            case .readTimeout:
                try? await Task.sleep(for: min(configuration.readTimeout, .milliseconds(100)))
            default:
                dropConnection(reason: error.description)
            }
            throw error
        } catch {
            dropConnection(reason: "\(error)")
            throw .connectionClosed
        }
    }

    /// Runs one query for the station between the worker's steps.
    @discardableResult
    func exclusively(_ query: PrinterQuery) async throws(PrintingError) -> [UInt8] {
        await acquire()
        defer { release() }
        return try await request(query)
    }

    func readOdometer() async throws(PrintingError) -> Int {
        try Self.odometer(from: await request(.odometer))
    }

    static func odometer(from answer: [UInt8]) throws(PrintingError) -> Int {
        let text = String(decoding: answer, as: UTF8.self)
        guard let count = Int(text) else { throw .unreadableAnswer(query: PrinterQuery.odometer.description, answer: text) }
        return count
    }

    /// `~HS`, then `~HQES`, which names the faults under which `~HS` stays silent.
    func readStatus() async -> PrinterStatus {
        var unreadable = false
        var host: ZPLHostStatus?
        do {
            let answer = String(decoding: try await request(.hostStatus), as: UTF8.self)
            host = ZPLHostStatus(parsing: answer)
            unreadable = host == nil
        } catch {
            guard case let .readTimeout(_, partial) = error else { return .offline }
            unreadable = partial
        }
        var extended: ZPLExtendedStatus?
        do {
            let answer = String(decoding: try await request(.extendedStatus), as: UTF8.self)
            extended = ZPLExtendedStatus(parsing: answer)
            unreadable = unreadable || extended == nil
        } catch {
            guard case let .readTimeout(_, partial) = error else { return .offline }
            unreadable = unreadable || partial
        }
        return PrinterStatus(host: host, extended: extended, unreadable: unreadable)
    }
}
