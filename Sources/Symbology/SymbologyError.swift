/// Why a symbol could not be built or rasterized: what failed, on which input, and the rule it broke.
public enum SymbologyError: Error, Sendable, Equatable {
    /// The symbology needs at least one character.
    case emptyData(symbology: SymbologyKind)
    /// A byte the symbology cannot carry, at a zero-based position of the data.
    case invalidCharacter(symbology: SymbologyKind, byte: UInt8, position: Int, allowed: String)
    /// The data has a length the symbology does not accept.
    case invalidLength(symbology: SymbologyKind, length: Int, allowed: String)
    /// The last digit of the data is not the check digit computed from the others.
    case checkDigitMismatch(symbology: SymbologyKind, data: String, expected: Int, found: Int)
    /// The data does not fit the largest QR symbol at the chosen error correction level.
    case payloadTooLong(length: Int, errorCorrection: QRErrorCorrection, byteCapacity: Int, digitCapacity: Int)
    /// GS1 data that does not fit the largest GS1 QR symbol at the chosen error correction level.
    /// The capacities are for data all in byte mode and for digits only; mixed data lies between.
    case gs1DataTooLong(length: Int, errorCorrection: QRErrorCorrection, byteCapacity: Int, digitCapacity: Int)
    /// A QR version outside 0 (automatic) … 40.
    case invalidVersion(Int)
    /// Dots per module outside `RenderOptions.moduleSizes`.
    case invalidModuleSize(Int)
    /// A bar height in dots outside `RenderOptions.barHeights`.
    case invalidBarHeight(Int)
    /// libqrencode failed for a reason other than the data length (such as memory); `errno` as reported.
    case encoderFailed(errno: Int32)
}

extension SymbologyError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .emptyData(let symbology):
            return "\(symbology.rawValue): the data is empty; give at least one character"
        case .invalidCharacter(let symbology, let byte, let position, let allowed):
            return "\(symbology.rawValue): \(Self.describe(byte)) at position \(position) cannot be encoded; "
                + "allowed: \(allowed)"
        case .invalidLength(let symbology, let length, let allowed):
            return "\(symbology.rawValue): \(length) characters given; \(allowed)"
        case .checkDigitMismatch(let symbology, let data, let expected, let found):
            return "\(symbology.rawValue): check digit of \(data) is \(found) but should be \(expected); "
                + "correct it, or leave it off to have it computed"
        case .payloadTooLong(let length, let level, let bytes, let digits):
            return "qr: \(length) bytes do not fit; at error correction \(level.rawValue) the largest symbol "
                + "(version 40) holds \(bytes) bytes of text (\(digits) if digits only); "
                + "shorten the data or choose a lower error correction level"
        case .gs1DataTooLong(let length, let level, let bytes, let digits):
            return "gs1-qr: \(length) characters of GS1 data do not fit; at error correction \(level.rawValue) the "
                + "largest symbol (version 40) holds \(bytes) characters (\(digits) if digits only); "
                + "shorten the data or choose a lower error correction level"
        case .invalidVersion(let version):
            return "qr: version \(version) does not exist; use 1…40, or 0 to choose the smallest that fits"
        case .invalidModuleSize(let size):
            return "module size \(size) dots is out of range; use \(RenderOptions.moduleSizes.lowerBound)…"
                + "\(RenderOptions.moduleSizes.upperBound) dots per module"
        case .invalidBarHeight(let height):
            return "bar height \(height) dots is out of range; use \(RenderOptions.barHeights.lowerBound)…"
                + "\(RenderOptions.barHeights.upperBound) dots"
        case .encoderFailed(let code):
            return "qr: libqrencode failed (errno \(code)); the data may be too large for the available memory"
        }
    }

    /// A byte as an operator can recognise it: the character when printable, its code otherwise.
    private static func describe(_ byte: UInt8) -> String {
        let hex = "0x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        if (0x21...0x7E).contains(byte) {
            return "'\(Character(Unicode.Scalar(byte)))' (\(hex))"
        }
        return "byte \(hex)"
    }
}
