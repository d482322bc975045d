/// Bounds checked against an image's header before any pixel memory is allocated, so a
/// decompression bomb (a small file claiming 50,000 × 50,000 pixels) is refused cheaply.
public struct ImageLimits: Sendable, Equatable {
    /// Most pixels an image may have (width × height).
    public var maxPixels: Int
    /// Most pixels along either side.
    public var maxDimension: Int
    /// Most bytes a file may have before it is read.
    public var maxFileBytes: Int

    public init(maxPixels: Int, maxDimension: Int, maxFileBytes: Int) {
        self.maxPixels = maxPixels
        self.maxDimension = maxDimension
        self.maxFileBytes = maxFileBytes
    }

    /// 40 megapixels (a 40 MB gray buffer): above any line camera, far below a bomb.
    public static let `default` = ImageLimits(maxPixels: 40_000_000, maxDimension: 20_000, maxFileBytes: 256 << 20)

    func check(width: Int, height: Int, source: String) throws(ImagingError) {
        guard width > 0, height > 0 else {
            throw .corrupt(source: source, format: "image", reason: "its header gives a size of \(width)×\(height)")
        }
        guard width <= maxDimension, height <= maxDimension, width.multipliedReportingOverflow(by: height).partialValue <= maxPixels
        else { throw .tooLarge(source: source, width: width, height: height, limits: self) }
    }
}
