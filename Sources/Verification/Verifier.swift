import Foundation
import Imaging

/// Verifies label images one after another: reads each, matches it against the expected
/// codes, and remembers what passed so that a second label with the same code is a duplicate.
///
/// One verifier serves one run (a batch, a watched folder, a stream); use it from one task.
public struct Verifier: Sendable {
    public let options: BarcodeDecoder.Options
    /// The codes a label may carry; empty accepts any readable code.
    public let expected: [String]
    public let grading: Grading?
    /// The overall grade a label needs to pass (`QualityGrade.minimum(letter:)`); nil
    /// passes any grade. Set, it grades every label about to pass.
    public let minimumGrade: Double?
    public let limits: ImageLimits

    private let expectedKeys: [CodeKey: String]
    private var verified: Set<CodeKey> = []

    /// How to grade: `referenceGrid` rebuilds the ideal QR module grid of a decoded symbol's
    /// bytes at its error-correction level, so the sampled modules can be compared with it.
    public struct Grading: Sendable {
        public let referenceGrid: @Sendable (DecodedSymbol) -> QRReferenceGrid?

        public init(referenceGrid: @escaping @Sendable (DecodedSymbol) -> QRReferenceGrid?) {
            self.referenceGrid = referenceGrid
        }
    }

    public init(
        options: BarcodeDecoder.Options = .init(), expected: [String] = [], grading: Grading? = nil, minimumGrade: Double? = nil,
        limits: ImageLimits = .default
    ) {
        self.options = options
        self.expected = expected
        self.grading = grading
        self.minimumGrade = minimumGrade
        self.limits = limits
        expectedKeys = Dictionary(expected.map { (CodeKey(expected: $0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The verdict on the image file at `path`.
    public mutating func verify(file path: String) -> VerificationResult {
        let start = ContinuousClock.now
        do {
            let image = try ImageFile.read(path: path, limits: limits)
            return verify(image, name: path, since: start)
        } catch {
            return VerificationResult(file: path, status: .error, ms: Self.milliseconds(since: start), error: error.description)
        }
    }

    /// The verdict on an image already in memory (a stream frame, a render), named `name`.
    public mutating func verify(_ image: GrayImage, name: String) -> VerificationResult {
        verify(image, name: name, since: .now)
    }

    private mutating func verify(_ image: GrayImage, name: String, since start: ContinuousClock.Instant) -> VerificationResult {
        let symbols: [DecodedSymbol]
        do {
            symbols = try decode(image)
        } catch {
            return VerificationResult(file: name, status: .error, ms: Self.milliseconds(since: start), error: error.description)
        }
        return finished(verdict(on: symbols, in: image, name: name), symbols: symbols, in: image, since: start)
    }

    private mutating func verdict(on symbols: [DecodedSymbol], in image: GrayImage, name: String) -> VerificationResult {
        guard let first = symbols.first else { return VerificationResult(file: name, status: .unreadable, ms: 0) }
        let expectedKeys = expectedKeys
        let matching: (symbol: DecodedSymbol, key: CodeKey)? = if expectedKeys.isEmpty {
            (first, CodeKey(first))
        } else {
            symbols.lazy.compactMap { symbol in
                CodeKey.candidates(for: symbol).first { expectedKeys[$0] != nil }.map { (symbol, $0) }
            }.first
        }
        guard let (symbol, key) = matching else {
            // A wrong verdict rejects a label: it needs a second, independent read of the same code.
            guard let confirmed = confirmedReads(in: image).first else { return VerificationResult(file: name, status: .unreadable, ms: 0) }
            return VerificationResult(file: name, status: .wrong, read: confirmed.text, symbology: confirmed.symbology, ms: 0)
        }
        var result = VerificationResult(file: name, status: .pass, expected: expectedKeys[key], read: symbol.text, symbology: symbol.symbology, ms: 0)
        if verified.insert(key).inserted {
            judgeGrade(of: symbol, in: image, into: &result)
        } else {
            result.status = .duplicate
        }
        return result
    }

    func decode(_ image: GrayImage) throws(VerificationError) -> [DecodedSymbol] {
        // A fresh decoder per image: zbar keeps state between scans.
        try BarcodeDecoder(options: options).decode(image)
    }

    /// Grades `symbol`, read for a label about to pass, when grading or a minimum grade is
    /// asked for; below the minimum, or ungradable then, the pass becomes a fail.
    func judgeGrade(of symbol: DecodedSymbol, in image: GrayImage, into result: inout VerificationResult) {
        guard grading != nil || minimumGrade != nil else { return }
        result.grade = QualityGrader.grade(symbol, in: image, reference: grading?.referenceGrid(symbol))
        guard let minimumGrade else { return }
        if let grade = result.grade {
            if grade.overall < minimumGrade { (result.status, result.reason) = (.fail, .lowGrade) }
        } else {
            // A grade that cannot be measured cannot show the minimum is met.
            (result.status, result.reason) = (.fail, .ungradable)
        }
    }

    /// `result` with the grade of the symbol it read, when grading and not graded yet, and
    /// its time since `start`.
    func finished(_ result: VerificationResult, symbols: [DecodedSymbol], in image: GrayImage, since start: ContinuousClock.Instant) -> VerificationResult {
        var result = result
        if let grading, ![.pass, .fail].contains(result.status), let symbol = symbols.first(where: { $0.text == result.read }) {
            result.grade = QualityGrader.grade(symbol, in: image, reference: grading.referenceGrid(symbol))
        }
        result.ms = Self.milliseconds(since: start)
        return result
    }

    /// The reads of `image` that two independent attempts agree on.
    func confirmedReads(in image: GrayImage) -> [DecodedSymbol] {
        var strict = options
        strict.requireAgreement = true
        return (try? BarcodeDecoder(options: strict).decode(image)) ?? []
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return ((Double(seconds) * 1e3 + Double(attoseconds) / 1e15) * 1e3).rounded() / 1e3
    }
}
