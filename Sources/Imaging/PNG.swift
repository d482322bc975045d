internal import CPNG

/// PNG encoding and decoding through libpng.
public enum PNG {
    /// The bytes every PNG starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A 1-bit grayscale PNG of a label bitmap (ink black, paper white).
    /// - Parameter compressionLevel: zlib level 0–9; 6 is zlib's default, 1 is faster and larger.
    public static func encode(_ bitmap: Bitmap, compressionLevel: Int = 6) throws(ImagingError) -> [UInt8] {
        try bitmap.bits.withUnsafeBufferPointer { rows throws(ImagingError) in
            try write(rows, width: bitmap.width, height: bitmap.height, bitDepth: 1,
                      bytesPerRow: bitmap.bytesPerRow, invertMono: true, compressionLevel: compressionLevel)
        }
    }

    /// An 8-bit grayscale PNG.
    public static func encode(_ image: GrayImage, compressionLevel: Int = 6) throws(ImagingError) -> [UInt8] {
        try image.pixels.withUnsafeBufferPointer { rows throws(ImagingError) in
            try write(rows, width: image.width, height: image.height, bitDepth: 8,
                      bytesPerRow: image.width, invertMono: false, compressionLevel: compressionLevel)
        }
    }

    /// Any PNG (any bit depth or colour type, with or without alpha) as 8-bit gray.
    /// The size is checked against `limits` before pixel memory is allocated.
    public static func decode(_ data: [UInt8], limits: ImageLimits = .default, source: String = "PNG data") throws(ImagingError) -> GrayImage {
        try HeaderFirstDecoding.decode(data, format: "PNG", limits: limits, source: source,
                                       readSize: ts_png_read_size, readPixels: ts_png_read_gray8)
    }

    private static func write(_ rows: UnsafeBufferPointer<UInt8>, width: Int, height: Int, bitDepth: Int32,
                              bytesPerRow: Int, invertMono: Bool, compressionLevel: Int) throws(ImagingError) -> [UInt8] {
        guard width > 0, height > 0, width <= Int(UInt32.max), height <= Int(UInt32.max) else {
            throw .writeFailed(destination: "PNG", reason: "a PNG needs a width and height of at least 1 (got \(width)×\(height))")
        }
        guard (0...9).contains(compressionLevel) else {
            throw .writeFailed(destination: "PNG", reason: "compression level \(compressionLevel) is outside 0–9")
        }
        var buffer = ts_png_buffer()
        var error = [CChar](repeating: 0, count: 256)
        guard ts_png_write_gray(rows.baseAddress, UInt32(width), UInt32(height), bitDepth, bytesPerRow,
                                invertMono ? 1 : 0, Int32(compressionLevel), &buffer, &error, error.count) == 1
        else { throw .writeFailed(destination: "PNG", reason: String(cMessage: error)) }
        defer { ts_png_buffer_free(&buffer) }
        return [UInt8](UnsafeBufferPointer(start: buffer.data, count: buffer.size))
    }
}
