internal import CZXing
import Imaging

/// zxing-cpp, the second decoder, through the C shim in `CZXing`.
///
/// zxing-cpp keeps no state between calls, so one value serves any number of images. It reads
/// QR from a 1080p frame several times faster than zbar and finds symbols zbar misses; zbar
/// finds others. A linear read that both agree on is the strongest evidence there is.
struct ZXingReader {
    /// How hard one call looks.
    enum Effort {
        /// One binarization, no rotation: the cheap first pass over a clean label.
        case quick
        /// zxing-cpp's own retries: more scan lines, rotated copies, downscaled copies.
        case thorough
    }

    let symbologies: Set<BarcodeSymbology>
    /// Read EAN-2/EAN-5 add-ons and append them to the main number.
    let eanAddOns: Bool

    /// Every read in `image`, or none when zxing-cpp failed (it only fails out of memory).
    func read(_ image: GrayImage, effort: Effort) -> [RawSymbol] {
        var options = ts_zxing_options()
        options.formats = symbologies.reduce(0) { $0 | $1.zxingFormats }
        options.try_harder = effort == .thorough ? 1 : 0
        options.try_rotate = effort == .thorough ? 1 : 0
        options.try_downscale = 1
        options.ean_add_on = eanAddOns ? 1 : 0
        var found: UnsafeMutablePointer<ts_zxing_symbol>?
        let count = image.pixels.withUnsafeBufferPointer {
            ts_zxing_read($0.baseAddress, Int32(image.width), Int32(image.height), &options, &found)
        }
        guard count > 0, let found else { return [] }
        defer { ts_zxing_free(found, count) }
        return UnsafeBufferPointer(start: found, count: Int(count)).compactMap(RawSymbol.init(zxing:))
    }
}

extension RawSymbol {
    /// A symbol as zxing-cpp reported it, in the form zbar reports the same symbol.
    fileprivate init?(zxing symbol: ts_zxing_symbol) {
        var data = symbol.bytes.map { Array(UnsafeBufferPointer(start: $0, count: Int(symbol.byte_count))) } ?? []
        let identifier = withUnsafeBytes(of: symbol.symbology_identifier) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        // ]C1 GS1-128, ]Q3 GS1 QR (FNC1 in first position), ]E… EAN/UPC.
        let isGS1 = identifier == "]C1" || identifier == "]Q3"
        // zxing-cpp 1.4 loses data after a `%` in the alphanumeric segments of a GS1 QR Code
        // (where `%` stands for FNC1 and `%%` for a literal %): a wrong read, so GS1 QR is
        // left to zbar, which reads it exactly.
        guard identifier != "]Q3" else { return nil }
        if identifier.hasPrefix("]E") {
            // zxing-cpp writes an add-on after a space and UPC-A as 12 digits; the station's
            // form is the GTIN-13 with the add-on digits appended.
            data.removeAll { $0 == UInt8(ascii: " ") }
            if symbol.format == 1 << 14 { data.insert(UInt8(ascii: "0"), at: 0) }
        }
        guard let symbology = BarcodeSymbology(zxingFormat: symbol.format, data: data, isGS1: isGS1) else { return nil }
        let corners = withUnsafeBytes(of: symbol.corners) { Array($0.bindMemory(to: Int32.self)) }
        let points = (0..<4).map { DecodedSymbol.Point(x: Int(corners[2 * $0]), y: Int(corners[2 * $0 + 1])) }
        let eciText = symbol.has_eci != 0 && symbol.eci_text != nil
            ? String(decoding: UnsafeRawBufferPointer(start: symbol.eci_text, count: Int(symbol.eci_text_length)), as: UTF8.self)
            : nil
        let level = withUnsafeBytes(of: symbol.ec_level) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        self.init(
            symbology: symbology, data: data, isGS1: isGS1, points: points, source: .zxing,
            eciText: eciText, errorCorrectionLevel: level.isEmpty ? nil : level
        )
    }
}
