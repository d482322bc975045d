/// GS1 dates `YYMMDD` as in AIs (11), (13), (15) and (17): a real calendar date, where
/// `DD = 00` means "day not specified" and is allowed.
public enum GS1Date {
    /// Throws unless `text` is six digits forming a real date (or day 00).
    ///
    /// The year is two digits. Under the GS1 sliding window (±50 years around today)
    /// `00` means 2000, so a year divisible by four is a leap year.
    public static func validate(_ text: String, subject: String) throws(TraceCodeError) {
        try text.requireDigits(subject: subject)
        guard text.count == 6 else {
            throw TraceCodeError(subject, .wrongLength(found: text.count, expected: [6]))
        }
        let digits = Array(text).map { Int($0.asciiValue! - 48) }
        let year = digits[0] * 10 + digits[1]
        let month = digits[2] * 10 + digits[3]
        let day = digits[4] * 10 + digits[5]
        guard (1...12).contains(month) else {
            throw TraceCodeError(subject, .invalidDate("month \(text.dropFirst(2).prefix(2)) is not 01 to 12"))
        }
        let lastDay = daysInMonth(month, leapYear: year.isMultiple(of: 4))
        guard day <= lastDay else {
            throw TraceCodeError(subject, .invalidDate(
                "day \(text.suffix(2)) does not exist in month \(text.dropFirst(2).prefix(2)) of year \(text.prefix(2)) (last day \(lastDay))"
            ))
        }
    }

    private static func daysInMonth(_ month: Int, leapYear: Bool) -> Int {
        switch month {
        case 2: leapYear ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
