import Symbology

/// The QR version a payload needs in byte mode, without encoding it.
///
/// Layout needs each symbol's size before (or instead of) encoding it: the ZPL path sends the
/// data to the printer and must not spend time encoding. Byte mode holds any data, so the
/// version it needs is enough for every mode; the raster path then asks the encoder for exactly
/// this version, so the PNG's symbol has the size the layout reserved.
enum QRCapacity {
    /// Bytes a symbol of versions 1…40 holds in byte mode (ISO/IEC 18004:2015 table 7; checked
    /// against libqrencode in the tests).
    static let bytes: [QRErrorCorrection: [Int]] = [
        .l: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
             929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953],
        .m: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
             711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331],
        .q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482,
             509, 565, 611, 661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663],
        .h: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382,
             403, 439, 461, 511, 535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219, 1273],
    ]

    /// The smallest version whose byte mode holds `length` bytes, or nil when none does.
    /// A GS1 symbol counts one byte more: its FNC1 mode indicator takes 4 bits.
    static func version(forBytes length: Int, errorCorrection: QRErrorCorrection, gs1: Bool) -> Int? {
        let needed = length + (gs1 ? 1 : 0)
        return bytes[errorCorrection]!.firstIndex { $0 >= needed }.map { $0 + 1 }
    }

    /// Modules per side of a version.
    static func side(ofVersion version: Int) -> Int { 17 + 4 * version }
}
