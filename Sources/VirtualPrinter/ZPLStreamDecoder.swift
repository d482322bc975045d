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

/// Wraps `ZPLStreamParser` for a channel: bytes in, formats, `~` commands and SGD lines out,
/// the events of one read passed on together, since each message passed costs an allocation.
public struct ZPLStreamDecoder: ByteToMessageDecoder {
    public typealias InboundOut = [PrinterInput]

    private var parser: ZPLStreamParser

    /// `keptCommands` as `ZPLStreamParser` takes it: a printer that only counts formats needs `^PQ` alone.
    public init(maximumFormatSize: Int = ZPLStreamParser.defaultMaximumFormatSize, keptCommands: Set<String>? = nil) {
        parser = ZPLStreamParser(maximumFormatSize: maximumFormatSize, keptCommands: keptCommands)
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard buffer.readableBytes > 0 else { return .needMoreData }
        var inputs: [PrinterInput] = []
        // Parsed where the read left them: no copy of the bytes into an array first.
        buffer.withUnsafeReadableBytes { raw in
            parser.feed(raw.assumingMemoryBound(to: UInt8.self)) { inputs.append(PrinterInput(event: $0, insideFormat: $1)) }
        }
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        if !inputs.isEmpty {
            context.fireChannelRead(wrapInboundOut(inputs))
        }
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
