import Logging
import NIOCore
import NIOPosix

/// A line's trigger port: the PLC sends one line of text per item that passes its sensor, and
/// each line becomes one `trigger()` of the line's workflow, answered with one line:
///
/// - `OK <target>`: one more label is on its way; `<target>` counts the run's labels so far.
/// - `ERR <reason>`: no label, and why: the line is not in trigger mode, an alarm stopped it…
///
/// Lines end with LF or CR LF. Their text is not read (PLCs send a counter, an item number or a
/// word), and blank lines are ignored, so a PLC may send them to keep its connection alive. A
/// line longer than `maximumLineLength` bytes is answered `ERR` and its connection closed;
/// the lines before it count. Several PLCs may be connected at once; each connection's lines
/// are triggered in the order sent, and a line that arrived counts even if its PLC has gone
/// before the answer.
///
/// The workflow does not start its own: the station starts one for each line whose settings
/// give a `triggerPort`, and closes it before the line.
public final class TriggerServer: Sendable {
    /// Longer than any item number or counter a PLC sends, short enough that a stray peer
    /// is found out at once.
    public static let maximumLineLength = 256

    public let host: String
    /// The port listened on: the one asked for, or the one the system chose for port 0.
    public let port: Int
    private let serving: Task<Void, Never>

    private init(host: String, port: Int, serving: Task<Void, Never>) {
        self.host = host
        self.port = port
        self.serving = serving
    }

    /// Listens for the line's PLC on `host` (loopback unless the PLC is on another machine);
    /// port 0 picks a free port, for tests. Refuses a port outside 0…65535 or one in use.
    public static func start(for workflow: LineWorkflow, host: String = "127.0.0.1", port: Int) async throws(StationError) -> TriggerServer {
        let subject = "line \(workflow.settings.id), trigger port"
        guard (0...65535).contains(port) else {
            throw StationError(subject, "\(port) is not a port; use a whole number from 1 to 65535")
        }
        let server: NIOAsyncChannel<NIOAsyncChannel<TriggerLine, ByteBuffer>, Never>
        do {
            server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                // A PLC that shuts down its side after its last line still gets its answers.
                .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
                .bind(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(TriggerLineDecoder(maximumLength: maximumLineLength)))
                        return try NIOAsyncChannel<TriggerLine, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw StationError(subject, "cannot listen on \(host):\(port): \(error)")
        }
        guard let bound = server.channel.localAddress?.port else {
            try? await server.channel.close()
            throw StationError(subject, "the listening socket on \(host) has no port")
        }
        var portLogger = await workflow.logger
        portLogger[metadataKey: "trigger.port"] = "\(bound)"
        let logger = portLogger
        let serving = Task<Void, Never> {
            try? await server.executeThenClose { connections in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            group.addTask { await serve(connection, workflow: workflow, logger: logger) }
                        }
                    } catch {
                        logger.error("trigger port stopped accepting PLCs: \(error)")
                    }
                }
            }
        }
        logger.notice("trigger port listening on \(host):\(bound)")
        return TriggerServer(host: host, port: bound, serving: serving)
    }

    /// Stops listening and closes every PLC's connection; a trigger under way is answered first.
    public func close() async {
        serving.cancel()
        await serving.value
    }

    /// Triggers once per line of one connection, in order, until the PLC goes or breaks the rules.
    private static func serve(_ connection: NIOAsyncChannel<TriggerLine, ByteBuffer>, workflow: LineWorkflow, logger: Logger) async {
        let peer = connection.channel.remoteAddress.map { "\($0)" } ?? "a PLC"
        do {
            try await connection.executeThenClose { lines, replies in
                // Once a reply cannot be written, later lines still trigger: they arrived.
                var answering = true
                for try await line in lines {
                    let reply: String
                    switch line {
                    case .text(let text):
                        guard text.contains(where: { $0 != " " && $0 != "\t" }) else { continue }
                        do throws(StationError) {
                            reply = "OK \(try await workflow.trigger())"
                        } catch {
                            reply = "ERR " + String(error.description.map { $0.isNewline ? " " : $0 })
                        }
                    case .tooLong:
                        logger.warning("trigger line from \(peer) over \(maximumLineLength) bytes; connection closed")
                        if answering {
                            try? await replies.write(ByteBuffer(string: "ERR line longer than \(maximumLineLength) bytes; send one short line per item\n"))
                        }
                        return
                    }
                    guard answering else { continue }
                    do {
                        try await replies.write(ByteBuffer(string: reply + "\n"))
                    } catch {
                        answering = false
                    }
                }
            }
        } catch {
            logger.info("trigger connection from \(peer) ended: \(error)")
        }
    }
}
