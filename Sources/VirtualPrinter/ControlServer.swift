import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The virtual printer's HTTP control endpoint, beside its raw print port:
///
/// - `POST /faults`: set faults, one `NAME=VALUE` a line or a JSON object such as
///   `{"paper-out-after": 3, "head-open": true}`; the faults named are changed, others kept.
/// - `DELETE /faults`: clear every fault; formats waiting in the buffer then print.
/// - `GET /status`: JSON with the odometer, the faults, the formats buffered and the problems seen.
///
/// `curl -d head-open=1 http://127.0.0.1:9190/faults`
public enum ControlServer {
    public static func start(printer: VirtualPrinter, host: String = "127.0.0.1", port: Int,
                             group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ControlHandler(printer: printer))
                    }
                }
            }
            .bind(host: host, port: port).get()
    }

    /// The HTTP status code and JSON body answering one request.
    public static func respond(method: String, path: String, body: [UInt8], printer: VirtualPrinter) async -> (status: Int, body: String) {
        switch (method, path.split(separator: "?").first.map(String.init) ?? path) {
        case ("GET", "/status"):
            return (200, await printer.snapshot().json)
        case ("DELETE", "/faults"):
            await printer.setFaults(PrinterFaults())
            return (200, await printer.snapshot().json)
        case ("POST", "/faults"):
            do {
                var faults = await printer.faults
                for assignment in try assignments(in: body) { try faults.set(assignment) }
                await printer.setFaults(faults)
                return (200, await printer.snapshot().json)
            } catch {
                return (400, PrinterSnapshot.errorJSON("\(error)"))
            }
        case (_, "/status"), (_, "/faults"):
            return (405, PrinterSnapshot.errorJSON("use GET /status, POST /faults or DELETE /faults"))
        default:
            return (404, PrinterSnapshot.errorJSON("no such endpoint; use GET /status, POST /faults or DELETE /faults"))
        }
    }

    /// `NAME=VALUE` lines, or the members of a JSON object as assignments.
    static func assignments(in body: [UInt8]) throws -> [String] {
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: [" ", "\n", "\r", "\t"])
        guard text.hasPrefix("{") else {
            return text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: [" ", "\r", "\t"]) }.filter { !$0.isEmpty }
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw VirtualPrinterError.badFaultValue(text)
        }
        return object.keys.sorted().map { name in
            switch object[name] {
            case let flag as Bool: "\(name)=\(flag ? 1 : 0)"
            case let value?: "\(name)=\(value)"
            case nil: "\(name)=0"
            }
        }
    }
}

/// Reads one HTTP request at a time and answers it through `ControlServer.respond`.
final class ControlHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked: the request being read is touched on the channel's event loop only.
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    private let printer: VirtualPrinter
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(printer: VirtualPrinter) { self.printer = printer }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(request):
            head = request
            body = []
        case var .body(buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            let printer = printer, body = body, channel = context.channel
            context.eventLoop.makeFutureWithTask {
                await ControlServer.respond(method: head.method.rawValue, path: head.uri, body: body, printer: printer)
            }.whenSuccess { status, text in
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Content-Length", value: String(text.utf8.count + 1))
                let keepAlive = head.isKeepAlive
                if !keepAlive { headers.add(name: "Connection", value: "close") }
                channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: status), headers: headers)), promise: nil)
                channel.write(HTTPServerResponsePart.body(.byteBuffer(channel.allocator.buffer(string: text + "\n"))), promise: nil)
                channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
                    if !keepAlive { channel.close(promise: nil) }
                }
            }
        }
    }
}
