import Benchmark
import Imaging
import Labels
import Symbology
import Verification

/// The per-label steps of issue → label → verify, one benchmark each.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3))

    Benchmark("QR encode (67-char Digital Link, EC M)") { benchmark in
        var serial: UInt64 = 0
        for _ in benchmark.scaledIterations {
            serial += 1
            blackHole(try QRCode.matrix(for: Array(payload(serial).utf8), options: QROptions(errorCorrection: .m)))
        }
    }

    Benchmark("GS1 QR encode ((01)(11)(10)(21), EC M)") { benchmark in
        var serial: UInt64 = 0
        for _ in benchmark.scaledIterations {
            serial += 1
            let data = "0106901234567892112611291020261129\u{1D}21" + String(0xA1B2_C3D4_E5F6 &+ serial, radix: 16, uppercase: true)
            blackHole(try QRCode.matrix(for: Array(data.utf8), options: QROptions(errorCorrection: .m), gs1: true))
        }
    }

    Benchmark("QR to 1-bit PNG in memory (5 dots/module)") { benchmark in
        var serial: UInt64 = 0
        for _ in benchmark.scaledIterations {
            serial += 1
            let matrix = try QRCode.matrix(for: Array(payload(serial).utf8), options: QROptions(errorCorrection: .m))
            blackHole(try PNG.encode(try matrix.bitmap(moduleSize: 5)))
        }
    }

    Benchmark("60×40 product label to native ZPL (203 dpi, CJK printer font)") { benchmark in
        let renderer = try productLabelRenderer()
        var serial: UInt64 = 0
        for _ in benchmark.scaledIterations {
            serial += 1
            blackHole(try renderer.zpl(productValues(renderer, serial)).bytes)
        }
    }

    Benchmark("60×40 product label to PNG (203 dpi)") { benchmark in
        let renderer = try productLabelRenderer()
        var serial: UInt64 = 0
        for _ in benchmark.scaledIterations {
            serial += 1
            blackHole(try renderer.png(productValues(renderer, serial)))
        }
    }

    Benchmark("Decode 600×400 label PNG, QR only") { benchmark in
        var label = Bitmap(width: 600, height: 400)
        let qr = try QRCode.matrix(for: Array(payload(0).utf8), options: QROptions(errorCorrection: .m)).bitmap(moduleSize: 5)
        label.draw(qr, x: 600 - qr.width - 20, y: (400 - qr.height) / 2)
        let png = try PNG.encode(label)
        let decoder = try BarcodeDecoder(options: .init(symbologies: [.qr]))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(try PNG.decode(png)))
        }
    }
}

/// The shipped product label on the shipped 203-dpi industrial printer.
private func productLabelRenderer() throws -> LabelRenderer {
    let library = LabelLibrary.standard()
    return try LabelRenderer(template: library.template("product-60x40"), device: library.device("zebra-zt411-203"))
}

/// The sample values with label number `serial`'s own code.
private func productValues(_ renderer: LabelRenderer, _ serial: UInt64) -> FieldValues {
    let text = String(0xA1B2_C3D4_E5F6 &+ serial, radix: 16, uppercase: true)
    return renderer.template.sample.merging(FieldValues([
        "code.payload": "https://id.gs1.org/01/06901234567892/10/L2025A/21/\(text)",
        "code.hri": "(01)06901234567892(10)L2025A(21)\(text)",
        "code.serial": text,
    ]))
}

/// A 67-character GS1 Digital Link with a serial that changes every label.
private func payload(_ serial: UInt64) -> String {
    let hex = String(0xA1B2_C3D4_E5F6 &+ serial, radix: 16, uppercase: true)
    return "https://id.gs1.org/01/06901234567892/21/\(hex)/10/L2026112901"
}
