import Imaging
import Symbology
import Testing
import Verification

@Suite("Estimated print-quality grades")
struct GradingTests {
    private static let link = "https://id.example.com/01/06901234567892/21/A1B2C3"

    /// The grade of the first symbol read in `image`, with the ideal grid of what it read.
    private static func grade(_ image: GrayImage, _ symbology: BarcodeSymbology) -> QualityGrade? {
        let options = BarcodeDecoder.Options(symbologies: [symbology], timeBudget: .zero)
        guard let symbol = try? BarcodeDecoder(options: options).decode(image).first else { return nil }
        let reference = symbol.errorCorrectionLevel.flatMap(QRErrorCorrection.init(rawValue:)).flatMap {
            try? QRCode.matrix(for: symbol.bytes, options: QROptions(errorCorrection: $0), gs1: symbol.isGS1)
        }.map { QRReferenceGrid(size: $0.size, modules: $0.modules) }
        return QualityGrader.grade(symbol, in: image, reference: reference)
    }

    @Test("a clean render grades A", arguments: [SymbologyKind.qr, .gs1_128, .ean13])
    func cleanIsA(kind: SymbologyKind) throws {
        let (text, symbology): (String, BarcodeSymbology) = switch kind {
        case .qr: (Self.link, .qr)
        case .gs1_128: ("(01)06901234567892(10)LOT42", .gs1128)
        default: ("690123456789", .ean13)
        }
        let grade = try #require(Self.grade(LabelDegradation.label(kind, text, moduleSize: 4), symbology))
        #expect(grade.letter == "A", "\(grade.parameters)")
        #expect(grade.note == "estimated, not ISO-certified")
    }

    @Test(
        "QR grades never rise as a label degrades step by step",
        arguments: ["ink spread", "voids", "low contrast", "blur"]
    )
    func qrNeverRises(degradation: String) {
        let clean = LabelDegradation.label(.qr, Self.link, moduleSize: 6)
        let steps: [GrayImage] = (0...4).map { step in
            switch degradation {
            case "ink spread": LabelDegradation.inkSpread(clean, dots: step)
            case "voids": step == 0 ? clean : LabelDegradation.voids(clean, size: step + 1, spacing: 40 - 6 * step)
            case "low contrast": LabelDegradation.contrast(clean, low: UInt8(step * 30), high: UInt8(255 - step * 12))
            default: LabelDegradation.blurred(clean, radius: step)
            }
        }
        let grades = steps.map { Self.grade($0, .qr)?.overall ?? 0 }
        #expect(grades[0] == 4)
        #expect(zip(grades, grades.dropFirst()).allSatisfy { $0 >= $1 }, "\(degradation): \(grades)")
        #expect(grades.last! < grades.first!, "\(degradation) should cost grade: \(grades)")
    }

    /// Version 1-M keeps 2 of its 10 error correction codewords for misdecode protection
    /// (ISO/IEC 18004 table 9), so one wrong codeword leaves 1 - 2/8 unused, not 1 - 2/10.
    @Test("unused error correction leaves misdecode protection out")
    func unusedErrorCorrectionOfVersion1() throws {
        var image = LabelDegradation.label(.qr, "TS-0001-2026-LOT42", moduleSize: 6)
        // The bottom-right module holds a bit of the first codeword; the finders bound the dark extent.
        let dark = image.pixels.indices.filter { image.pixels[$0] < 128 }
        let right = dark.map { $0 % image.width }.max()!, bottom = dark.map { $0 / image.width }.max()!
        for y in (bottom - 5)...bottom {
            for x in (right - 5)...right { image[x, y] = 255 - image[x, y] }
        }
        let grade = try #require(Self.grade(image, .qr))
        let unused = try #require(grade.parameters.first { $0.name == "unused_error_correction" }?.value)
        #expect(abs(unused - 0.75) < 0.001, "\(grade.parameters)")
    }

    @Test("linear grades never rise as contrast fades and blur grows")
    func linearNeverRises() {
        let clean = LabelDegradation.label(.ean13, "690123456789", moduleSize: 3)
        let steps = (0...4).map { LabelDegradation.blurred(LabelDegradation.contrast(clean, low: UInt8($0 * 30), high: UInt8(255 - $0 * 15)), radius: $0 / 2) }
        let grades = steps.map { Self.grade($0, .ean13)?.overall ?? 0 }
        #expect(grades[0] == 4)
        #expect(zip(grades, grades.dropFirst()).allSatisfy { $0 >= $1 }, "\(grades)")
    }
}
