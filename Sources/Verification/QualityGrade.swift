/// An estimated print-quality grade from one uncalibrated image, after ISO/IEC 15415 (2D) and
/// 15416 (linear). Reflectance parameters are relative to the image, not to a calibrated
/// reflectance standard, so this is never a certified grade.
public struct QualityGrade: Sendable, Equatable, Codable {
    /// One graded parameter: its measured value (nil for pass/fail checks) and grade 0…4.
    public struct Parameter: Sendable, Equatable, Codable {
        public var name: String
        public var value: Double?
        public var grade: Double

        public init(name: String, value: Double?, grade: Double) {
            self.name = name
            self.value = value.map { ($0 * 1000).rounded() / 1000 }
            self.grade = grade
        }
    }

    /// 4.0 (A) … 0.0 (F).
    public var overall: Double
    public var letter: String
    public var parameters: [Parameter]
    public var note = "estimated, not ISO-certified"

    /// QR: the lowest parameter grade. Linear: the mean of the scan grades, as 15416 averages
    /// its scan lines; `overall` then says so.
    init(overall: Double, parameters: [Parameter]) {
        self.overall = (overall * 10).rounded() / 10
        letter = Self.letter(for: self.overall)
        self.parameters = parameters
    }

    public func parameter(_ name: String) -> Parameter? { parameters.first { $0.name == name } }

    /// The lowest overall grade with `letter` (A, B, C or D, in any case); nil for another.
    public static func minimum(letter: String) -> Double? {
        ["A": 3.5, "B": 2.5, "C": 1.5, "D": 0.5][letter.uppercased()]
    }

    /// A ≥ 3.5, B ≥ 2.5, C ≥ 1.5, D ≥ 0.5, else F.
    static func letter(for grade: Double) -> String {
        switch grade {
        case 3.5...: "A"
        case 2.5..<3.5: "B"
        case 1.5..<2.5: "C"
        case 0.5..<1.5: "D"
        default: "F"
        }
    }

    /// The grade of `value` against the grade-4/3/2/1 limits, higher being better.
    static func grade(_ value: Double, atLeast limits: [Double]) -> Double {
        Double(limits.firstIndex { value >= $0 }.map { 4 - $0 } ?? 0)
    }

    /// The grade of `value` against the grade-4/3/2/1 limits, lower being better.
    static func grade(_ value: Double, atMost limits: [Double]) -> Double {
        Double(limits.firstIndex { value <= $0 }.map { 4 - $0 } ?? 0)
    }
}
