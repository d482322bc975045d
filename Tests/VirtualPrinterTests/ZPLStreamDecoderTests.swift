import NIOCore
import NIOEmbedded
import PropertyBased
import Testing
import VirtualPrinter
import ZPL

@Suite("ZPL stream decoder on a channel")
struct ZPLStreamDecoderTests {
    static let stream = Array("^XA^FO1,1^FDone^FS^XZ~HS^XA^FO2,2^FDtwo~HQES^FS^XZ! U1 getvar \"odometer.total_label_count\"\r\n".utf8)

    static func decode(_ chunks: [Int]) throws -> [PrinterInput] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(ZPLStreamDecoder()))
        var start = 0, index = 0
        while start < stream.count {
            let end = min(stream.count, start + max(1, chunks[index % chunks.count]))
            try channel.writeInbound(channel.allocator.buffer(bytes: stream[start..<end]))
            start = end
            index += 1
        }
        var inputs: [PrinterInput] = []
        while let read = try channel.readInbound(as: [PrinterInput].self) { inputs += read }
        _ = try channel.finish()
        return inputs
    }

    @Test("One byte at a time gives two formats, two ~ commands and an SGD line")
    func byteByByte() throws {
        let inputs = try Self.decode([1])
        #expect(inputs.count == 5)
        #expect(inputs.map(\.insideFormat) == [false, false, true, false, false])
    }

    @Test("Random chunk sizes give the same inputs as one byte at a time")
    func randomChunks() async throws {
        let reference = try Self.decode([1])
        await propertyCheck(count: 200, input: Gen.int(in: 1...30).array(of: 1...10)) { chunks in
            let inputs = try Self.decode(chunks)
            #expect(inputs == reference)
        }
    }
}
