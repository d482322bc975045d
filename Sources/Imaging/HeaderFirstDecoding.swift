/// Decoding through a C library in two calls: the header first, so that `ImageLimits` can
/// refuse a decompression bomb before any pixel memory is allocated, then the pixels.
enum HeaderFirstDecoding {
    typealias SizeReader = (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?,
                            UnsafeMutablePointer<CChar>?, Int) -> Int32
    typealias PixelReader = (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?, UInt32, UInt32,
                             UnsafeMutablePointer<CChar>?, Int) -> Int32

    static func decode(_ data: [UInt8], format: String, limits: ImageLimits, source: String,
                       readSize: SizeReader, readPixels: PixelReader) throws(ImagingError) -> GrayImage {
        guard !data.isEmpty else { throw .empty(source: source) }
        var error = [CChar](repeating: 0, count: 256)
        var width: UInt32 = 0, height: UInt32 = 0
        guard readSize(data, data.count, &width, &height, &error, error.count) == 1 else {
            throw .corrupt(source: source, format: format, reason: String(cMessage: error))
        }
        try limits.check(width: Int(width), height: Int(height), source: source)
        var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height))
        guard readPixels(data, data.count, &pixels, width, height, &error, error.count) == 1 else {
            throw .corrupt(source: source, format: format, reason: String(cMessage: error))
        }
        return GrayImage(width: Int(width), height: Int(height), pixels: pixels)
    }
}
