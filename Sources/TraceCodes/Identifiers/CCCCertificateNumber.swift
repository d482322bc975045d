import Foundation

/// A CCC (中国强制性产品认证) certificate number: 16 digits, YYYY (year first issued) +
/// 2-digit certification body (`01` = CQC) + 4-digit product category (2 major + 2 minor)
/// + 6-digit sequence assigned by the body. No check digit is known.
///
/// Some old certificates may have 12 digits; that form is unconfirmed and not accepted.
public struct CCCCertificateNumber: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let certificationBody: String
    public let productCategory: String
    public let sequence: String

    /// The CCC system was announced in December 2001, so no certificate is older.
    public static let firstYear = 2001

    /// Years from `firstYear` to the current year in China Standard Time.
    public static var plausibleYears: ClosedRange<Int> {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        return firstYear...calendar.component(.year, from: Date())
    }

    /// - Parameter validYears: the range the year must fall in; pass a fixed range for
    ///   reproducible results.
    public init(_ text: String, validYears: ClosedRange<Int> = plausibleYears) throws(TraceCodeError) {
        let subject = "CCC certificate number \(text)"
        guard !text.isEmpty else { throw TraceCodeError(subject, .empty) }
        try text.requireDigits(subject: subject)
        guard text.count == 16 else {
            throw TraceCodeError(subject, .wrongLength(found: text.count, expected: [16]))
        }
        let year = Int(text.prefix(4))!
        guard validYears.contains(year) else {
            throw TraceCodeError(subject, .outOfRange(
                "year \(year) is outside \(validYears.lowerBound)…\(validYears.upperBound)"
            ))
        }
        self.year = year
        certificationBody = String(text.dropFirst(4).prefix(2))
        productCategory = String(text.dropFirst(6).prefix(4))
        sequence = String(text.suffix(6))
    }

    /// The first two digits of the product category (e.g. `09`, IT equipment).
    public var majorCategory: String { String(productCategory.prefix(2)) }

    public var description: String { "\(year)\(certificationBody)\(productCategory)\(sequence)" }
}
