import NIOCore

/// One line a PLC sent to the trigger port.
enum TriggerLine: Sendable, Equatable {
    /// A line's text without its LF or CR LF; it may be blank.
    case text(String)
    /// A line longer than the decoder's limit: whatever the peer is, it does not speak the
    /// trigger protocol, so it is answered once and let go.
    case tooLong
}

/// Splits a PLC's bytes into lines ended by LF, with or without a CR before it.
///
/// A line over `maximumLength` bytes is refused as soon as it is known, so a peer that never
/// sends a newline cannot fill the station's memory; everything after it is dropped. So is an
/// unfinished line when the peer goes: half a line is no item.
struct TriggerLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = TriggerLine

    let maximumLength: Int
    private var refused = false

    init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard !refused else {
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return .needMoreData
        }
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            // Room for a CR still to be followed by its LF.
            if buffer.readableBytes > maximumLength + 1 { refuse(context: context, buffer: &buffer) }
            return .needMoreData
        }
        var line = buffer.readSlice(length: end - buffer.readerIndex + 1)!
        var length = line.readableBytes - 1
        if length > 0, line.getInteger(at: line.readerIndex + length - 1, as: UInt8.self) == UInt8(ascii: "\r") { length -= 1 }
        guard length <= maximumLength else {
            refuse(context: context, buffer: &buffer)
            return .needMoreData
        }
        context.fireChannelRead(wrapInboundOut(.text(line.readString(length: length)!)))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        let state = try decode(context: context, buffer: &buffer)
        if state == .needMoreData { buffer.moveReaderIndex(to: buffer.writerIndex) }
        return state
    }

    private mutating func refuse(context: ChannelHandlerContext, buffer: inout ByteBuffer) {
        refused = true
        buffer.moveReaderIndex(to: buffer.writerIndex)
        context.fireChannelRead(wrapInboundOut(.tooLong))
    }
}
