import Imaging

/// What went wrong while verifying a label image.
public enum VerificationError: Error, Equatable, CustomStringConvertible {
    /// The image has no pixels, so there is nothing to scan.
    case emptyImage(width: Int, height: Int)
    /// The image is too large for zbar, which counts pixels in 32 bits.
    case imageTooLarge(width: Int, height: Int)
    /// zbar could not allocate its scanner.
    case scannerUnavailable
    /// An image file could not be read; the Imaging error names the file and the reason.
    case unreadableImage(ImagingError)

    public var description: String {
        switch self {
        case let .emptyImage(width, height):
            "cannot decode an empty image (\(width)x\(height) pixels): pass an image with at least one pixel"
        case let .imageTooLarge(width, height):
            "cannot decode a \(width)x\(height) image: zbar handles at most 4294967295 pixels; crop or scale it down"
        case .scannerUnavailable:
            "zbar could not create an image scanner (out of memory?)"
        case let .unreadableImage(error):
            error.description
        }
    }
}
