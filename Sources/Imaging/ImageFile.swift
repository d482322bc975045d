#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing image files, whatever their format.
public enum ImageFile {
    /// The formats `decode` recognises by their first bytes.
    public enum Format: String, Sendable {
        case png, jpeg, pnm
    }

    /// The format of `data`, from its signature, or nil.
    public static func format(of data: [UInt8]) -> Format? {
        if data.starts(with: PNG.signature) { return .png }
        if data.starts(with: JPEG.signature) { return .jpeg }
        if PNM.hasSignature(data) { return .pnm }
        return nil
    }

    /// Decodes a PNG, JPEG or PNM image to 8-bit gray, choosing the decoder by signature
    /// (never by file name, which cameras get wrong).
    public static func decode(_ data: [UInt8], limits: ImageLimits = .default, source: String = "image data") throws(ImagingError) -> GrayImage {
        guard !data.isEmpty else { throw .empty(source: source) }
        switch format(of: data) {
        case .png: return try PNG.decode(data, limits: limits, source: source)
        case .jpeg: return try JPEG.decode(data, limits: limits, source: source)
        case .pnm: return try PNM.decode(data, limits: limits, source: source)
        case nil: throw .unknownFormat(source: source, leadingBytes: Array(data.prefix(8)))
        }
    }

    /// Reads and decodes the image file at `path`.
    public static func read(path: String, limits: ImageLimits = .default) throws(ImagingError) -> GrayImage {
        try decode(try readBytes(path: path, maxBytes: limits.maxFileBytes), limits: limits, source: path)
    }

    /// The whole file at `path`, refused when over `maxBytes`.
    public static func readBytes(path: String, maxBytes: Int = ImageLimits.default.maxFileBytes) throws(ImagingError) -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw .unreadable(path: path, reason: systemError()) }
        defer { fclose(file) }
        var status = stat()
        guard fstat(fileno(file), &status) == 0 else { throw .unreadable(path: path, reason: systemError()) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .unreadable(path: path, reason: "it is a directory") }
        let size = Int(status.st_size)
        guard size <= maxBytes else { throw .fileTooLarge(source: path, bytes: size, limit: maxBytes) }
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, file) }
        guard read == size else { throw .unreadable(path: path, reason: "read \(read) of \(size) bytes") }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: to a temporary file beside it, then renamed, so a
    /// reader never sees half a label and a full disk leaves the old file intact.
    public static func write(_ bytes: [UInt8], to path: String) throws(ImagingError) {
        let temporary = path + ".partial-\(getpid())"
        guard let file = fopen(temporary, "wb") else { throw .writeFailed(destination: path, reason: systemError()) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, file) }
        let flushed = fflush(file) == 0
        let reason = systemError()
        fclose(file)
        guard written == bytes.count, flushed, rename(temporary, path) == 0 else {
            let renameReason = systemError()
            unlink(temporary)
            throw .writeFailed(destination: path, reason: written == bytes.count && flushed ? renameReason : reason)
        }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
