/// Netpbm images: PBM, PGM and PPM, plain (P1–P3) and raw (P4–P6). Cameras and
/// `ffmpeg -f image2pipe -vcodec pgm` produce them; they are also the simplest test format.
public enum PNM {
    /// A raw PGM (P5) of an 8-bit gray image.
    public static func encode(_ image: GrayImage) -> [UInt8] {
        Array("P5\n\(image.width) \(image.height)\n255\n".utf8) + image.pixels
    }

    /// A raw PBM (P4) of a bitmap; PBM's 1 is black, as in `Bitmap`, so rows go out as they are.
    public static func encode(_ bitmap: Bitmap) -> [UInt8] {
        Array("P4\n\(bitmap.width) \(bitmap.height)\n".utf8) + bitmap.bits
    }

    /// Whether `data` starts like a PNM image.
    static func hasSignature(_ data: [UInt8]) -> Bool {
        data.count >= 2 && data[0] == UInt8(ascii: "P") && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(data[1])
    }

    /// A PNM image of any kind as 8-bit gray; colour is converted with Rec. 601 luma weights.
    public static func decode(_ data: [UInt8], limits: ImageLimits = .default, source: String = "PNM data") throws(ImagingError) -> GrayImage {
        guard !data.isEmpty else { throw .empty(source: source) }
        var reader = Reader(data: data, source: source)
        return try reader.image(limits: limits)
    }

    /// Reads one image from the front of `data` and says where it ended, so that a stream of
    /// concatenated frames can be split.
    public static func decodeFrame(_ data: [UInt8], limits: ImageLimits = .default, source: String = "PNM data")
        throws(ImagingError) -> (image: GrayImage, byteCount: Int)
    {
        guard !data.isEmpty else { throw .empty(source: source) }
        var reader = Reader(data: data, source: source)
        let image = try reader.image(limits: limits)
        return (image, reader.offset)
    }

    private struct Reader {
        let data: [UInt8]
        let source: String
        var offset = 0

        init(data: [UInt8], source: String) {
            self.data = data
            self.source = source
        }

        mutating func image(limits: ImageLimits) throws(ImagingError) -> GrayImage {
            guard PNM.hasSignature(data) else {
                throw .unknownFormat(source: source, leadingBytes: Array(data.prefix(8)))
            }
            let kind = Int(data[1] - UInt8(ascii: "0"))
            offset = 2
            let width = try headerNumber("width")
            let height = try headerNumber("height")
            let isBitmap = kind == 1 || kind == 4
            let maxValue = isBitmap ? 1 : try headerNumber("maximum value")
            guard (1...65535).contains(maxValue) else {
                throw corrupt("maximum value \(maxValue) is outside 1–65535")
            }
            try limits.check(width: width, height: height, source: source)
            if kind >= 4 {
                // Exactly one whitespace byte separates the header from raw data.
                guard offset < data.count, isWhitespace(data[offset]) else { throw corrupt("no whitespace after the header") }
                offset += 1
            }
            let count = width * height
            switch kind {
            case 1, 2, 3:
                return try plainImage(kind: kind, width: width, height: height, maxValue: maxValue, count: count)
            case 4:
                return try rawBitmap(width: width, height: height)
            default:
                return try rawImage(channels: kind == 6 ? 3 : 1, width: width, height: height, maxValue: maxValue)
            }
        }

        private mutating func rawBitmap(width: Int, height: Int) throws(ImagingError) -> GrayImage {
            let bytesPerRow = (width + 7) / 8
            guard data.count - offset >= bytesPerRow * height else { throw truncated(expected: bytesPerRow * height) }
            let bitmap = Bitmap(width: width, height: height, packedRows: Array(data[offset..<offset + bytesPerRow * height]))
            offset += bytesPerRow * height
            return bitmap.grayImage()
        }

        private mutating func rawImage(channels: Int, width: Int, height: Int, maxValue: Int) throws(ImagingError) -> GrayImage {
            let sampleBytes = maxValue > 255 ? 2 : 1
            let needed = width * height * channels * sampleBytes
            guard data.count - offset >= needed else { throw truncated(expected: needed) }
            var pixels = [UInt8](repeating: 0, count: width * height)
            data.withUnsafeBufferPointer { bytes in
                var at = offset
                func sample() -> Int {
                    defer { at += sampleBytes }
                    return sampleBytes == 1 ? Int(bytes[at]) : Int(bytes[at]) << 8 | Int(bytes[at + 1])
                }
                for index in pixels.indices {
                    let value = channels == 1 ? sample() : luma(sample(), sample(), sample())
                    pixels[index] = scaled(value, maxValue)
                }
            }
            offset += needed
            return GrayImage(width: width, height: height, pixels: pixels)
        }

        private mutating func plainImage(kind: Int, width: Int, height: Int, maxValue: Int, count: Int) throws(ImagingError) -> GrayImage {
            var pixels = [UInt8](repeating: 0, count: count)
            for index in 0..<count {
                switch kind {
                case 1:
                    // Plain PBM digits need no separators: "0110" is four pixels.
                    skipWhitespaceAndComments()
                    guard offset < data.count else { throw truncated(expected: count) }
                    let digit = data[offset]
                    guard digit == UInt8(ascii: "0") || digit == UInt8(ascii: "1") else {
                        throw corrupt("PBM pixel \(index) is '\(Character(Unicode.Scalar(digit)))', not 0 or 1")
                    }
                    offset += 1
                    pixels[index] = digit == UInt8(ascii: "1") ? 0 : 255
                case 2:
                    pixels[index] = scaled(try sample(maxValue, index), maxValue)
                default:
                    let value = luma(try sample(maxValue, index), try sample(maxValue, index), try sample(maxValue, index))
                    pixels[index] = scaled(value, maxValue)
                }
            }
            return GrayImage(width: width, height: height, pixels: pixels)
        }

        private mutating func sample(_ maxValue: Int, _ index: Int) throws(ImagingError) -> Int {
            let value = try headerNumber("pixel \(index)")
            guard value <= maxValue else { throw corrupt("pixel \(index) is \(value), over the maximum value \(maxValue)") }
            return value
        }

        private mutating func headerNumber(_ what: String) throws(ImagingError) -> Int {
            skipWhitespaceAndComments()
            var value = 0
            var digits = 0
            while offset < data.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(data[offset]) {
                value = value * 10 + Int(data[offset] - UInt8(ascii: "0"))
                digits += 1
                offset += 1
                // Nine digits is already beyond any size limit; stop before overflow.
                guard digits <= 9 else { throw corrupt("\(what) has too many digits") }
            }
            guard digits > 0 else {
                throw offset >= data.count ? truncated(expected: nil) : corrupt("expected a number for the \(what)")
            }
            return value
        }

        private mutating func skipWhitespaceAndComments() {
            while offset < data.count {
                if isWhitespace(data[offset]) {
                    offset += 1
                } else if data[offset] == UInt8(ascii: "#") {
                    while offset < data.count, data[offset] != UInt8(ascii: "\n") { offset += 1 }
                } else {
                    return
                }
            }
        }

        private func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
        }

        private func corrupt(_ reason: String) -> ImagingError {
            .corrupt(source: source, format: "PNM", reason: reason)
        }

        private func truncated(expected: Int?) -> ImagingError {
            corrupt("the data ends before the image does (truncated file\(expected.map { ", \($0) bytes of pixels expected" } ?? ""))")
        }
    }
}

private func luma(_ red: Int, _ green: Int, _ blue: Int) -> Int {
    (red * 299 + green * 587 + blue * 114 + 500) / 1000
}

private func scaled(_ value: Int, _ maxValue: Int) -> UInt8 {
    maxValue == 255 ? UInt8(value) : UInt8((value * 255 + maxValue / 2) / maxValue)
}
