import Benchmark
import Imaging
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

/// A 67-character GS1 Digital Link with a serial that changes every label.
private func payload(_ serial: UInt64) -> String {
    let hex = String(0xA1B2_C3D4_E5F6 &+ serial, radix: 16, uppercase: true)
    return "https://id.gs1.org/01/06901234567892/21/\(hex)/10/L2026112901"
}
