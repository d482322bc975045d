import Foundation
import Imaging
import Labels
import Symbology
import TraceCodes
import Verification

/// The steps `tracestation bench` times, each the same work as the matching C lower-bound
/// probe in `shared/bench/anchors`, so the two can be compared as a ratio.
enum BenchWorkloads {
    /// The probe's payload: a 67-character GS1 Digital Link whose serial changes every label,
    /// so no two symbols are alike.
    static func payload(serial: UInt64) -> String {
        let hex = String(0xA1B2_C3D4_E5F6 &+ serial, radix: 16, uppercase: true)
        return "https://id.gs1.org/01/06901234567892/21/\(String(repeating: "0", count: max(0, 12 - hex.count)) + hex)/10/L2026112901"
    }

    static let qrOptions = QROptions(errorCorrection: .m)
    /// Dots per module for the QR-to-PNG step: the probe's scale 5 with a 4-module margin.
    static let moduleSize = 5

    /// QR encoding alone: payload to module matrix.
    static func encode(serial: UInt64) throws -> ModuleMatrix {
        try QRCode.matrix(for: Array(payload(serial: serial).utf8), options: qrOptions)
    }

    /// A whole label symbol: payload to 1-bit PNG bytes in memory, at zlib's default level.
    static func qrPNG(serial: UInt64) throws -> [UInt8] {
        try PNG.encode(try encode(serial: serial).bitmap(moduleSize: moduleSize))
    }

    /// A 600 × 400 label at 300 dpi: the QR at 5 dots per module on the right, and five lines
    /// of glyph-like strokes on the left that a decoder must look past.
    static func label() throws -> Bitmap {
        var label = Bitmap(width: 600, height: 400)
        let qr = try encode(serial: 0).bitmap(moduleSize: moduleSize)
        label.draw(qr, x: 600 - qr.width - 20, y: (400 - qr.height) / 2)
        var generator = SplitMix64(seed: 2026)
        for line in 0..<5 {
            let top = 40 + line * 40
            var x = 24
            while x < 330 {
                let glyphWidth = 8 + Int(generator.next() % 6)
                label.fill(x: x, y: top, width: 2, height: 22)
                label.fill(x: x, y: top + Int(generator.next() % 20), width: glyphWidth, height: 2)
                label.fill(x: x + glyphWidth - 2, y: top + 6, width: 2, height: 16)
                x += glyphWidth + 5
            }
        }
        return label
    }
}

/// The 60 × 40 mm product label (Chinese text and a QR) on a 203-dpi industrial printer with a
/// CJK font, each label with its own serial, as a line prints them.
struct ProductLabelWorkload {
    static let template = "product-60x40"
    static let device = "zebra-zt411-203"
    let renderer: LabelRenderer
    let sample: FieldValues

    init() throws {
        let library = LabelLibrary.standard()
        let template = try library.template(Self.template)
        renderer = try LabelRenderer(template: template, device: try library.device(Self.device))
        sample = template.sample
    }

    /// The item values of label number `serial`: its own code, HRI and serial text.
    func values(serial: UInt64) -> FieldValues {
        let text = String(0xA1B2_C3D4_E5F6 &+ serial, radix: 16, uppercase: true)
        return sample.merging(FieldValues([
            "code.payload": "https://id.gs1.org/01/06901234567892/10/L2025A/21/\(text)",
            "code.hri": "(01)06901234567892(10)L2025A(21)\(text)",
            "code.serial": text,
        ]))
    }
}
