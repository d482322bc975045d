internal import CJPEG

/// JPEG decoding through libjpeg (camera frames and phone photos).
public enum JPEG {
    /// The bytes every JPEG starts with (SOI and the first marker's 0xFF).
    static let signature: [UInt8] = [0xFF, 0xD8, 0xFF]

    /// A JPEG as 8-bit gray. The size is checked against `limits` before pixel memory is allocated.
    public static func decode(_ data: [UInt8], limits: ImageLimits = .default, source: String = "JPEG data") throws(ImagingError) -> GrayImage {
        guard !data.isEmpty else { throw .empty(source: source) }
        var error = [CChar](repeating: 0, count: 256)
        var width: UInt32 = 0, height: UInt32 = 0
        guard ts_jpeg_read_size(data, data.count, &width, &height, &error, error.count) == 1 else {
            throw .corrupt(source: source, format: "JPEG", reason: String(cMessage: error))
        }
        try limits.check(width: Int(width), height: Int(height), source: source)
        var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height))
        guard ts_jpeg_read_gray8(data, data.count, &pixels, width, height, &error, error.count) == 1 else {
            throw .corrupt(source: source, format: "JPEG", reason: String(cMessage: error))
        }
        return GrayImage(width: Int(width), height: Int(height), pixels: pixels)
    }
}
