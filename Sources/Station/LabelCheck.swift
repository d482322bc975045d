import Imaging
import Verification

/// Reads one printed label as a camera at the printer's exit would, and judges it: the symbol
/// must decode to exactly the expected data and, when the line asks, reach its minimum grade.
/// Renders and camera images are judged by the same rules, so a line's verdicts mean the same
/// whichever way it verifies.
///
/// A value with no decoder in it: each check makes a fresh one, so no verdict depends on an
/// earlier image and checks can run on any task.
struct LabelCheck: Sendable {
    /// The letter a label must reach, such as `C`; nil accepts any label that reads right.
    let minimumGrade: String?
    private let minimumScore: Double?

    init(minimumGrade: String?, line: String) throws(StationError) {
        self.minimumGrade = minimumGrade?.uppercased()
        if let minimumGrade {
            guard let score = QualityGrade.minimum(letter: minimumGrade) else {
                throw StationError("line \(line)", "minimum grade \"\(minimumGrade)\" is not a grade; use A, B, C or D")
            }
            minimumScore = score
        } else {
            minimumScore = nil
        }
    }

    struct Verdict: Sendable, Equatable {
        let passed: Bool
        /// Why it failed, or the grade it passed with.
        let detail: String
        /// The symbol's grade, when it read right and could be graded.
        var grade: QualityGrade?
    }

    /// Decodes and judges one picture of a label the line knows, such as the printer's render
    /// of it; a camera's image is decoded first, to find out which label it shows, then judged.
    func verify(_ image: GrayImage, expected: ExpectedSymbol) -> Verdict {
        let symbols: [DecodedSymbol]
        do {
            symbols = try decode(image, as: expected.symbology)
        } catch {
            return Verdict(passed: false, detail: "not decoded: \(error)")
        }
        return judge(symbols, in: image, expected: expected)
    }

    /// Every symbol of the line's symbology in the picture.
    func decode(_ image: GrayImage, as symbology: BarcodeSymbology) throws(VerificationError) -> [DecodedSymbol] {
        try BarcodeDecoder(options: .init(symbologies: [symbology])).decode(image)
    }

    /// The verdict on what a picture read as, when the line knows which label it shows.
    func judge(_ symbols: [DecodedSymbol], in image: GrayImage, expected: ExpectedSymbol) -> Verdict {
        guard let symbol = symbols.first else { return Verdict(passed: false, detail: "no \(expected.symbology) symbol could be read") }
        guard symbols.count == 1 else { return Verdict(passed: false, detail: "\(symbols.count) symbols found where one was printed") }
        guard symbol.bytes == expected.data else {
            return Verdict(passed: false, detail: "read \"\(symbol.text)\", expected \"\(String(decoding: expected.data, as: UTF8.self))\"")
        }
        // Graded even without a minimum: the dashboard charts every line's grades.
        guard let grade = QualityGrader.grade(symbol, in: image) else {
            guard minimumScore == nil else { return Verdict(passed: false, detail: "read exactly, but its quality could not be graded") }
            return Verdict(passed: true, detail: "read exactly, not graded")
        }
        if let minimumScore, let minimumGrade, grade.overall < minimumScore {
            return Verdict(passed: false, detail: "grade \(grade.letter), below the minimum \(minimumGrade)", grade: grade)
        }
        return Verdict(passed: true, detail: "grade \(grade.letter)", grade: grade)
    }
}
