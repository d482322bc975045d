import NIOCore
import NIOEmbedded
import Testing
import ZPL
@testable import Printing

@Suite("Framing printer answers on the wire")
struct PrinterReplyHandlerTests {
    static func channel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(PrinterReplyHandler())
        return channel
    }

    static func ask(_ query: PrinterQuery, on channel: EmbeddedChannel, deadline: TimeAmount = .seconds(1)) -> EventLoopFuture<[UInt8]> {
        let promise = channel.eventLoop.makePromise(of: [UInt8].self)
        channel.writeAndFlush(PrinterRequest(query: query, deadline: deadline, promise: promise), promise: nil)
        return promise.futureResult
    }

    static func feedByteByByte(_ bytes: [UInt8], to channel: EmbeddedChannel) throws {
        for byte in bytes { try channel.writeInbound(channel.allocator.buffer(bytes: [byte])) }
    }

    @Test("A ~HS answer fed one byte at a time completes only at its third ETX")
    func hostStatusByteByByte() throws {
        let channel = try Self.channel()
        let answer = Self.ask(.hostStatus, on: channel)
        #expect(try channel.readOutbound(as: ByteBuffer.self).map { String(buffer: $0) } == "~HS")
        var status = ZPLHostStatus()
        status.formatsInBuffer = 2
        status.labelsRemaining = 2
        let frames = status.frames
        let lastETX = frames.lastIndex(of: 0x03)!
        let done = Completion()
        answer.whenComplete { _ in done.mark() }
        try Self.feedByteByByte(Array(frames[..<lastETX]), to: channel)
        #expect(!done.isDone)
        try Self.feedByteByByte(Array(frames[lastETX...]), to: channel)
        let text = String(decoding: try answer.wait(), as: UTF8.self)
        #expect(ZPLHostStatus(parsing: text) == status)
    }

    @Test("Answers are matched to queries in order, line ends and noise between them dropped")
    func inOrder() throws {
        let channel = try Self.channel()
        let odometer = Self.ask(.odometer, on: channel)
        let errors = Self.ask(.extendedStatus, on: channel)
        try Self.feedByteByByte(Array("\r\n\"1234\"\r\n".utf8) + ZPLExtendedStatus(errors: .headOpen).frame, to: channel)
        #expect(String(decoding: try odometer.wait(), as: UTF8.self) == "1234")
        #expect(ZPLExtendedStatus(parsing: String(decoding: try errors.wait(), as: UTF8.self))?.errors == .headOpen)
    }

    @Test("A query unanswered by its deadline fails, and a late answer is dropped, not given to the next query")
    func timeoutThenLateAnswer() throws {
        let channel = try Self.channel()
        let silent = Self.ask(.hostStatus, on: channel, deadline: .milliseconds(200))
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(201))
        #expect(throws: PrintingError.readTimeout(query: "~HS", partial: false)) { try silent.wait() }
        try channel.writeInbound(channel.allocator.buffer(bytes: ZPLHostStatus().frames))
        let odometer = Self.ask(.odometer, on: channel)
        try channel.writeInbound(channel.allocator.buffer(string: "\"7\""))
        #expect(String(decoding: try odometer.wait(), as: UTF8.self) == "7")
    }

    @Test("Garbage that starts a frame and never ends it is reported as a partial answer")
    func garbage() throws {
        let channel = try Self.channel()
        let answer = Self.ask(.hostStatus, on: channel, deadline: .milliseconds(100))
        try Self.feedByteByByte(Array("\u{02}#?!GARBLED\u{1B}".utf8), to: channel)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(101))
        #expect(throws: PrintingError.readTimeout(query: "~HS", partial: true)) { try answer.wait() }
    }

    @Test("A job needs no answer: it completes when written")
    func jobWritten() throws {
        let channel = try Self.channel()
        let job = PrinterQuery(bytes: Array("^XA^FDx^FS^XZ".utf8), framing: .none, description: "job")
        let written = Self.ask(job, on: channel)
        #expect(try written.wait() == [])
        #expect(try channel.readOutbound(as: ByteBuffer.self).map { String(buffer: $0) } == "^XA^FDx^FS^XZ")
    }

    @Test("Queries awaiting answers fail when the printer closes the connection")
    func closed() throws {
        let channel = try Self.channel()
        let answer = Self.ask(.identity, on: channel)
        channel.pipeline.fireChannelInactive()
        #expect(throws: PrintingError.connectionClosed) { try answer.wait() }
    }
}

/// Whether a future has completed, on an embedded loop where everything runs on the test's thread.
private final class Completion: @unchecked Sendable {
    private(set) var isDone = false
    func mark() { isDone = true }
}
