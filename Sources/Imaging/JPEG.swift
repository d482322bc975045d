internal import CJPEG

/// JPEG decoding through libjpeg (camera frames and phone photos).
public enum JPEG {
    /// The bytes every JPEG starts with (SOI and the first marker's 0xFF).
    static let signature: [UInt8] = [0xFF, 0xD8, 0xFF]

    /// A JPEG as 8-bit gray. The size is checked against `limits` before pixel memory is allocated.
    public static func decode(_ data: [UInt8], limits: ImageLimits = .default, source: String = "JPEG data") throws(ImagingError) -> GrayImage {
        try HeaderFirstDecoding.decode(data, format: "JPEG", limits: limits, source: source,
                                       readSize: ts_jpeg_read_size, readPixels: ts_jpeg_read_gray8)
    }
}
