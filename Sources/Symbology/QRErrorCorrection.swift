internal import CQREncode

/// QR error correction level: how much of the symbol may be damaged and still read
/// (about 7 %, 15 %, 25 % and 30 %), paid for with a larger symbol.
public enum QRErrorCorrection: String, CaseIterable, Sendable {
    case l = "L", m = "M", q = "Q", h = "H"

    /// Bytes and digits the largest symbol (version 40) holds at this level (ISO/IEC 18004 table 7).
    var capacity: (bytes: Int, digits: Int) {
        switch self {
        case .l: (2953, 7089)
        case .m: (2331, 5596)
        case .q: (1663, 3993)
        case .h: (1273, 3057)
        }
    }

    var cLevel: QRecLevel {
        switch self {
        case .l: QR_ECLEVEL_L
        case .m: QR_ECLEVEL_M
        case .q: QR_ECLEVEL_Q
        case .h: QR_ECLEVEL_H
        }
    }
}
