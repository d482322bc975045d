import Imaging
import Symbology

extension LabelState {
    /// Bars `bar.module` dots a module, with the interpretation line below or above them.
    /// Only the bars are the anchor, so the text line never moves them.
    func linearImage(_ modules: [Bool], height: Int?, text: String?, above: Bool) throws -> FieldImage {
        let barHeight = min(max(height ?? bar.height, 1), 4000)
        let bars = try BarPattern(modules: modules, leadingQuietZone: 0, trailingQuietZone: 0)
            .bitmap(moduleSize: min(bar.module, 40), barHeight: barHeight)
        guard let text else {
            return FieldImage(bars)
        }
        let size = 9 * bar.module + 2
        let line = try textImage(text, font: FontChoice(letter: "0", height: size, width: size), block: nil).bitmap
        let gap = bar.module
        var bitmap = Bitmap(width: max(bars.width, line.width), height: barHeight + gap + line.height)
        let barsTop = above ? line.height + gap : 0
        bitmap.draw(bars, x: 0, y: barsTop)
        bitmap.draw(line, x: (bars.width - line.width) / 2, y: above ? 0 : barHeight + gap)
        return FieldImage(bitmap, anchor: (0, barsTop, bars.width, barHeight), baselinePoint: (0, barsTop + barHeight - 1))
    }

    /// `^BQ` data starts with switches: `<level><input>,` such as `QA,` or `HM,B0020`. Without
    /// them a printer takes the first three bytes as switches anyway, so they are lost.
    func qrImage(_ data: [UInt8], magnification: Int) throws -> FieldImage {
        var level = QRErrorCorrection.q
        var payload = Array(data.dropFirst(3))
        if data.count >= 3, data[2] == UInt8(ascii: ",") {
            level = QRErrorCorrection(rawValue: String(UnicodeScalar(data[0])).uppercased()) ?? .q
            if data[1] == UInt8(ascii: "M"), let kind = payload.first {
                payload = Array(payload.dropFirst(kind == UInt8(ascii: "B") ? 5 : 1))
            }
        }
        let matrix = try QRCode.matrix(for: payload, options: QROptions(errorCorrection: level))
        var bitmap = Bitmap(width: matrix.size * magnification, height: matrix.size * magnification)
        for y in 0..<matrix.size {
            for x in 0..<matrix.size where matrix.isDark(x: x, y: y) {
                bitmap.fill(x: x * magnification, y: y * magnification, width: magnification, height: magnification)
            }
        }
        // Printers place a QR Code lower than its ^FO by the ^BY bar height. At ^FT its bottom
        // edge lies 7 modules above the ^FT y: Labelary draws qr_code_ft_manual's 25-module
        // symbol (^BQN,2,10 at ^FT34,500) in rows 180...429, not 250...499. That label has
        // magnification and ^BY height both 10, so 7 × magnification and 7 × bar height fit
        // alike; zebrash and labelize, fitted to the same reference, chose the magnification.
        return FieldImage(
            bitmap, anchor: (0, -bar.height, bitmap.width, bitmap.height),
            baselinePoint: (0, bitmap.height + 7 * magnification))
    }
}
