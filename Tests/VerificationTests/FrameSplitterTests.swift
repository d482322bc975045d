import Imaging
import Testing
import Verification

@Suite("Cutting a stream of concatenated frames")
struct FrameSplitterTests {
    private let pgm = Array("P5\n3 2\n255\n".utf8) + [0, 1, 2, 3, 4, 5]
    /// A minimal JPEG marker sequence: SOI, one APP0 segment, SOS with stuffed data, EOI.
    private let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0xFF, 0xD9, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9]

    @Test("frames arriving a byte at a time come out whole, an EOI inside a segment does not end a JPEG")
    func byteByByte() {
        var splitter = FrameSplitter(maxFrameBytes: 1 << 20)
        var pieces: [FrameSplitter.Piece] = []
        for byte in jpeg + pgm + jpeg {
            splitter.append([byte])
            while let piece = splitter.next() { pieces.append(piece) }
        }
        #expect(pieces == [.frame(jpeg), .frame(pgm), .frame(jpeg)])
    }

    @Test("bytes that start no frame are skipped as one piece, and the next frame still comes out")
    func garbage() {
        var splitter = FrameSplitter(maxFrameBytes: 1 << 20)
        splitter.append(Array("hello".utf8) + pgm)
        #expect(splitter.next() == .garbage(byteCount: 5))
        #expect(splitter.next() == .frame(pgm))
        #expect(splitter.next(atEnd: true) == nil)
    }

    @Test("a frame cut short by the end of the stream is garbage, and an oversized one is dropped")
    func truncatedAndOversized() {
        var splitter = FrameSplitter(maxFrameBytes: 1 << 20)
        splitter.append(pgm.dropLast(2))
        #expect(splitter.next() == nil)
        #expect(splitter.next(atEnd: true) == .garbage(byteCount: pgm.count - 2))
        var small = FrameSplitter(maxFrameBytes: 8)
        small.append(Array("P5\n4000 4000\n255\n".utf8) + [UInt8](repeating: 7, count: 16))
        #expect(small.next() == .garbage(byteCount: 33))
    }

    @Test("random bytes never crash the splitter and are all accounted for")
    func randomBytes() {
        var state: UInt64 = 7
        for _ in 0..<50 {
            var splitter = FrameSplitter(maxFrameBytes: 4096)
            var bytes: [UInt8] = []
            for _ in 0..<500 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 56))
            }
            splitter.append(bytes + pgm)
            var total = 0
            while let piece = splitter.next(atEnd: true) {
                switch piece {
                case let .frame(frame): total += frame.count
                case let .garbage(count): total += count
                }
            }
            #expect(total == bytes.count + pgm.count)
        }
    }
}
