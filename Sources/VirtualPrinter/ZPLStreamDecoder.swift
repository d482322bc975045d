import NIOCore
import ZPL

/// What the decoder passes on: an event, and whether a format was open when it completed
/// (`~HS` reports that as "partial format in progress").
public struct PrinterInput: Sendable, Equatable {
    public let event: ZPLStreamEvent
    public let insideFormat: Bool

    public init(event: ZPLStreamEvent, insideFormat: Bool) {
        self.event = event
        self.insideFormat = insideFormat
    }
}

/// Wraps `ZPLStreamParser` for a channel: bytes in, formats, `~` commands and SGD lines out.
public struct ZPLStreamDecoder: ByteToMessageDecoder {
    public typealias InboundOut = PrinterInput

    private var parser: ZPLStreamParser

    public init(maximumFormatSize: Int = ZPLStreamParser.defaultMaximumFormatSize) {
        parser = ZPLStreamParser(maximumFormatSize: maximumFormatSize)
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let bytes = buffer.readBytes(length: buffer.readableBytes), !bytes.isEmpty else { return .needMoreData }
        var inputs: [PrinterInput] = []
        parser.feed(bytes) { inputs.append(PrinterInput(event: $0, insideFormat: $1)) }
        for input in inputs {
            context.fireChannelRead(wrapInboundOut(input))
        }
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
