/// A date pattern for placeholders: `yyyy`, `yy`, `MM` and `dd` are replaced, anything else
/// is printed as written (`yyyy年MM月dd日`, `yyMMdd`, `dd.MM.yyyy`).
///
/// Date values are given as ISO `yyyy-MM-dd` or as GS1 `YYMMDD`. A GS1 year is read in the
/// 2000s (the GS1 sliding window around today gives the same years for labels made now);
/// GS1 day `00` ("day not given") is printed as `00`.
public struct DateFormat: Sendable, Equatable {
    public let pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    func format(_ value: String, key: String) throws(LabelError) -> String {
        guard let (year, month, day) = Self.parse(value) else {
            throw LabelError("{{\(key)}} is '\(value)', not a date: give it as yyyy-MM-dd or as GS1 YYMMDD")
        }
        var result = ""
        var rest = Substring(pattern)
        while let first = rest.first {
            if rest.hasPrefix("yyyy") {
                result += String(year).leftPadded(to: 4)
                rest = rest.dropFirst(4)
            } else if rest.hasPrefix("yy") {
                result += String(year % 100).leftPadded(to: 2)
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("MM") {
                result += String(month).leftPadded(to: 2)
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("dd") {
                result += String(day).leftPadded(to: 2)
                rest = rest.dropFirst(2)
            } else {
                result.append(first)
                rest = rest.dropFirst()
            }
        }
        return result
    }

    /// Year, month and day of an ISO or GS1 date with a real month and a day that exists.
    static func parse(_ value: String) -> (Int, Int, Int)? {
        let digits = value.filter { $0 != "-" }
        guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
        let numbers = Array(digits).map { Int($0.asciiValue! - 48) }
        let year: Int, rest: ArraySlice<Int>
        if value.count == 10, value.split(separator: "-").map(\.count) == [4, 2, 2] {
            year = numbers[0...3].reduce(0) { $0 * 10 + $1 }
            rest = numbers[4...]
        } else if value.count == 6, numbers.count == 6 {
            year = 2000 + numbers[0] * 10 + numbers[1]
            rest = numbers[2...]
        } else {
            return nil
        }
        let month = rest[rest.startIndex] * 10 + rest[rest.startIndex + 1]
        let day = rest[rest.startIndex + 2] * 10 + rest[rest.startIndex + 3]
        let leap = year.isMultiple(of: 4) && (!year.isMultiple(of: 100) || year.isMultiple(of: 400))
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day <= lengths[month - 1], day >= (value.count == 6 ? 0 : 1) else { return nil }
        return (year, month, day)
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
