/// A Global Trade Item Number: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14.
///
/// All four are the same number space; `gtin14` is the form carried in AI (01) and in a
/// Digital Link path.
public struct GTIN: Hashable, Sendable, CustomStringConvertible {
    /// The digits as given, 8, 12, 13 or 14 of them, check digit included.
    public let digits: String

    public static let allowedLengths = [8, 12, 13, 14]

    /// Validates length, digits and check digit.
    public init(_ text: String) throws(TraceCodeError) {
        let subject = "GTIN \(text)"
        guard !text.isEmpty else { throw TraceCodeError(subject, .empty) }
        try text.requireDigits(subject: subject)
        guard Self.allowedLengths.contains(text.count) else {
            throw TraceCodeError(subject, .wrongLength(found: text.count, expected: Self.allowedLengths))
        }
        try GS1CheckDigit.validate(text, subject: subject)
        digits = text
    }

    /// Completes a GTIN body (7, 11, 12 or 13 digits) with its check digit.
    public init(body: String) throws(TraceCodeError) {
        let subject = "GTIN body \(body)"
        try body.requireDigits(subject: subject)
        guard Self.allowedLengths.contains(body.count + 1) else {
            throw TraceCodeError(subject, .wrongLength(found: body.count, expected: Self.allowedLengths.map { $0 - 1 }))
        }
        digits = body + String(GS1CheckDigit.compute(for: body))
    }

    /// The 14-digit form, left-padded with zeros.
    public var gtin14: String { digits.leftPadded(to: 14) }

    public var description: String { digits }
}
