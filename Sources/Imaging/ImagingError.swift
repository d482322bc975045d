/// Why an image could not be read or written. Each case names the input and the rule it broke.
public enum ImagingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or buffer holds no bytes at all.
    case empty(source: String)
    /// The bytes are not a format this module reads.
    case unknownFormat(source: String, leadingBytes: [UInt8])
    /// The image is larger than the configured limit; nothing was allocated for its pixels.
    case tooLarge(source: String, width: Int, height: Int, limits: ImageLimits)
    /// The file is larger than the configured byte limit.
    case fileTooLarge(source: String, bytes: Int, limit: Int)
    /// The format's own decoder rejected the data (corrupt or truncated).
    case corrupt(source: String, format: String, reason: String)
    /// The image could not be written.
    case writeFailed(destination: String, reason: String)
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// No font was configured and none of the known font files exists.
    case fontNotFound(tried: [String], package: String)
    /// The file exists but is not a scalable font FreeType can read.
    case notAFont(path: String, reason: String)
    /// A font collection holds fewer faces than the index asks for (`faceCount` nil when unknown).
    case faceIndexOutOfRange(path: String, index: Int, faceCount: Int?)
    /// A text height in dots outside what the rasterizer draws.
    case textHeightOutOfRange(height: Int, allowed: ClosedRange<Int>)

    public var description: String {
        switch self {
        case .empty(let source):
            return "\(source): the file is empty (0 bytes); expected a PNG, JPEG or PNM image"
        case .unknownFormat(let source, let leading):
            let hex = leading.prefix(8).map { String($0, radix: 16).leftPadded(to: 2) }.joined(separator: " ")
            return "\(source): not a PNG, JPEG or PNM image (it starts with bytes \(hex))"
        case .tooLarge(let source, let width, let height, let limits):
            return "\(source): image is \(width)×\(height) pixels, over the limit of \(limits.maxPixels) pixels "
                + "(\(limits.maxDimension) per side); raise the pixel limit if this image is genuine"
        case .fileTooLarge(let source, let bytes, let limit):
            return "\(source): file is \(bytes) bytes, over the limit of \(limit) bytes"
        case .corrupt(let source, let format, let reason):
            return "\(source): corrupt \(format) image: \(reason)"
        case .writeFailed(let destination, let reason):
            return "\(destination): cannot write image: \(reason)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read file: \(reason)"
        case .fontNotFound(let tried, let package):
            return "no font file found (tried \(tried.joined(separator: ", "))); install the Debian package "
                + "\(package) or set \(FontLocator.environmentVariable) to a TrueType or OpenType font with Chinese glyphs"
        case .notAFont(let path, let reason):
            return "\(path): not a usable font: \(reason)"
        case .faceIndexOutOfRange(let path, let index, let faceCount):
            let holds = faceCount.map { "it holds \($0) face\($0 == 1 ? "" : "s"), numbered from 0" } ?? "face indices start at 0"
            return "\(path): there is no font face \(index); \(holds)"
        case .textHeightOutOfRange(let height, let allowed):
            return "text height \(height) dots is outside \(allowed.lowerBound)…\(allowed.upperBound) dots"
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

extension String {
    /// The NUL-terminated message a C function wrote into `buffer`.
    init(cMessage buffer: [CChar]) {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
