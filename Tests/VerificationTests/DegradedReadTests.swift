import Foundation
import Symbology
import Imaging
import Testing
import Verification

/// Read rates on the station's own labels degraded on purpose. Each case renders 12 different
/// codes; the floors are how many must read, as measured when the pipeline was written, and
/// no case may read wrong. Heavy blur of 2-dot modules and the combined case are not read yet:
/// their floors of 0 record that, so an improvement shows up as a number to raise.
@Suite("Reading degraded labels")
struct DegradedReadTests {
    struct Case: CustomStringConvertible, Sendable {
        let description: String
        /// Labels of 12 that must read, QR and EAN-13.
        let floors: (qr: Int, ean: Int)
        let degrade: @Sendable (GrayImage, Int) -> GrayImage
    }

    static let cases: [Case] = [
        Case(description: "defocus blur, radius 1", floors: (0, 3)) { image, _ in LabelDegradation.blurred(image, radius: 1) },
        Case(description: "sensor noise ±60", floors: (12, 12)) { image, seed in LabelDegradation.noisy(image, amplitude: 60, seed: UInt64(seed + 1)) },
        Case(description: "low contrast, 110 on 170", floors: (12, 12)) { image, _ in LabelDegradation.contrast(image, low: 110, high: 170) },
        Case(description: "rotated 3° to 33°", floors: (6, 12)) { image, seed in LabelDegradation.rotated(image, degrees: Double(3 + seed * 30 / 11)) },
        Case(description: "keystone, top edge 10 % to 25 % shorter", floors: (12, 12)) { image, seed in LabelDegradation.keystone(image, shrink: 0.10 + 0.15 * Double(seed) / 11) },
        Case(description: "blur, noise and low contrast together", floors: (0, 0)) { image, seed in
            LabelDegradation.noisy(LabelDegradation.contrast(LabelDegradation.blurred(image, radius: 1), low: 80, high: 200), amplitude: 30, seed: UInt64(seed + 1))
        },
    ]

    @Test("QR labels of 2-dot modules (203 dpi) read at the floor", arguments: cases)
    func qr(_ degradation: Case) throws {
        try expectFloor(degradation, floor: degradation.floors.qr, kind: .qr, symbology: .qr, moduleSize: 2) { "https://id.example.com/01/06901234567892/21/SN\($0)X7" }
    }

    @Test("EAN-13 labels of 2-dot modules read at the floor", arguments: cases)
    func ean(_ degradation: Case) throws {
        try expectFloor(degradation, floor: degradation.floors.ean, kind: .ean13, symbology: .ean13, moduleSize: 2) { "69012345\(String(format: "%04d", 1000 + $0 * 37))" }
    }

    private func expectFloor(
        _ degradation: Case, floor: Int, kind: SymbologyKind, symbology: BarcodeSymbology, moduleSize: Int, text: (Int) -> String
    ) throws {
        var read = 0
        for index in 0..<12 {
            let image = degradation.degrade(LabelDegradation.label(kind, text(index), moduleSize: moduleSize), index)
            let symbols = try BarcodeDecoder(options: .init(symbologies: [symbology], timeBudget: .seconds(10))).decode(image)
            // EAN-13 reads carry the check digit the text leaves to the encoder.
            let expected = text(index)
            let isRight = { (read: String) in kind == .ean13 ? read.hasPrefix(expected) : read == expected }
            for symbol in symbols { #expect(isRight(symbol.text), "\(degradation): read \(symbol.text)") }
            if let symbol = symbols.first, isRight(symbol.text) { read += 1 }
        }
        print("\(kind) \(degradation): \(read) of 12")
        #expect(read >= floor, "\(degradation): \(read) of 12 read")
    }
}
