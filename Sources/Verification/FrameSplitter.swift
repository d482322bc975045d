/// Cuts a byte stream of concatenated JPEG or binary PNM frames (what `ffmpeg -f image2pipe`
/// writes) into one frame at a time, holding at most `maxFrameBytes` of an unfinished frame.
public struct FrameSplitter: Sendable {
    public enum Piece: Sendable, Equatable {
        /// The bytes of one whole frame, to decode.
        case frame([UInt8])
        /// Bytes that start no known frame, or a frame over the size limit: skipped.
        case garbage(byteCount: Int)
    }

    public let maxFrameBytes: Int
    private var buffer: [UInt8] = []

    public init(maxFrameBytes: Int) {
        self.maxFrameBytes = maxFrameBytes
    }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next whole piece, or nil when more bytes are needed. At the end of the stream pass
    /// `atEnd`: what is left is then garbage.
    public mutating func next(atEnd: Bool = false) -> Piece? {
        guard !buffer.isEmpty else { return nil }
        let length: Int?
        if buffer.count >= 2, buffer[0] == 0xFF, buffer[1] == 0xD8 {
            length = Self.jpegLength(buffer)
        } else if buffer.count >= 2, buffer[0] == UInt8(ascii: "P"), (UInt8(ascii: "4")...UInt8(ascii: "6")).contains(buffer[1]) {
            length = Self.pnmLength(buffer)
        } else if buffer.count < 2, !atEnd {
            return nil
        } else {
            return skipToNextFrame()
        }
        if let length, length <= buffer.count {
            let frame = Array(buffer[..<length])
            buffer.removeFirst(length)
            return .frame(frame)
        }
        if atEnd || buffer.count > maxFrameBytes { return skipToNextFrame() }
        return nil
    }

    /// Drops bytes up to the next place a frame could start: an SOI marker, or `P4`–`P6` and
    /// white space.
    private mutating func skipToNextFrame() -> Piece {
        var index = 1
        while index + 2 < buffer.count, !Self.startsFrame(buffer, at: index) { index += 1 }
        if index + 2 >= buffer.count { index = buffer.count }
        buffer.removeFirst(index)
        return .garbage(byteCount: index)
    }

    private static func startsFrame(_ data: [UInt8], at index: Int) -> Bool {
        (data[index] == 0xFF && data[index + 1] == 0xD8)
            || (data[index] == UInt8(ascii: "P") && (UInt8(ascii: "4")...UInt8(ascii: "6")).contains(data[index + 1]) && isSpace(data[index + 2]))
    }

    /// The length of the JPEG at the start of `data` up to and including its EOI marker, or
    /// nil when it has not arrived yet. Marker segments are skipped by their lengths, so
    /// an EOI inside an embedded thumbnail does not end the frame; in entropy-coded data a
    /// 0xFF is always followed by 0x00 or a restart marker.
    static func jpegLength(_ data: [UInt8]) -> Int? {
        var index = 2
        while index + 1 < data.count {
            guard data[index] == 0xFF else { return index }  // not a marker: corrupt; cut here, decoding reports it
            let marker = data[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0xD9 { return index + 2 }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { index += 2; continue }
            guard index + 3 < data.count else { return nil }
            let segment = Int(data[index + 2]) << 8 | Int(data[index + 3])
            index += 2 + segment
            if marker == 0xDA {
                // Entropy-coded data runs to the next marker that is not stuffing or a restart.
                while index + 1 < data.count {
                    if data[index] == 0xFF, data[index + 1] != 0x00, !(0xD0...0xD7).contains(data[index + 1]) { break }
                    index += 1
                }
            }
        }
        return nil
    }

    /// The length of the binary PNM (P4, P5, P6) at the start of `data`, or nil when its header
    /// or pixels have not all arrived.
    static func pnmLength(_ data: [UInt8]) -> Int? {
        var index = 2
        var numbers: [Int] = []
        let needed = data[1] == UInt8(ascii: "4") ? 2 : 3
        while numbers.count < needed {
            while index < data.count, isSpace(data[index]) || data[index] == UInt8(ascii: "#") {
                if data[index] == UInt8(ascii: "#") {
                    while index < data.count, data[index] != 0x0A { index += 1 }
                } else {
                    index += 1
                }
            }
            var value = 0, digits = 0
            while index < data.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(data[index]), digits < 9 {
                value = value * 10 + Int(data[index] - UInt8(ascii: "0"))
                index += 1
                digits += 1
            }
            guard index < data.count else { return nil }
            guard digits > 0 else { return index + 1 }  // not a PNM header: cut here, decoding reports it
            numbers.append(value)
        }
        let (width, height) = (numbers[0], numbers[1])
        let bytesPerPixel = data[1] == UInt8(ascii: "6") ? 3 : 1
        let sampleBytes = needed == 3 && numbers[2] > 255 ? 2 : 1
        let rowBytes = data[1] == UInt8(ascii: "4") ? (width + 7) / 8 : width * bytesPerPixel * sampleBytes
        return index + 1 + rowBytes * height
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
