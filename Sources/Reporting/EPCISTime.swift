import Foundation

/// ISO 8601 date-times as EPCIS needs them: the offset for `eventTimeZoneOffset`, and the
/// instant in UTC with milliseconds for the event hash.
enum EPCISTime {
    /// `2025-03-01T08:00:00.123+08:00` taken apart; nil when the text is not ISO 8601 with seconds.
    struct Parts: Equatable {
        /// Milliseconds since 1970 in UTC.
        var milliseconds: Int64
        /// `+08:00`; `+00:00` for `Z`.
        var offset: String
    }

    static func parse(_ text: String) -> Parts? {
        let characters = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= characters.count else { return nil }
            var value = 0
            for byte in characters[start..<start + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard characters.count >= 20, characters[4] == UInt8(ascii: "-"), characters[7] == UInt8(ascii: "-"),
              characters[10] == UInt8(ascii: "T") || characters[10] == UInt8(ascii: "t"),
              characters[13] == UInt8(ascii: ":"), characters[16] == UInt8(ascii: ":"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var index = 19
        var microseconds = 0
        if index < characters.count, characters[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < characters.count, (0x30...0x39).contains(characters[index]) {
                if digits < 6 { microseconds = microseconds * 10 + Int(characters[index] - 0x30) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { microseconds *= 10 }
        }
        var offsetSeconds = 0
        var offset = "+00:00"
        if index == characters.count - 1, characters[index] == UInt8(ascii: "Z") || characters[index] == UInt8(ascii: "z") {
            index += 1
        } else if index == characters.count - 6, characters[index] == UInt8(ascii: "+") || characters[index] == UInt8(ascii: "-"),
                  characters[index + 3] == UInt8(ascii: ":"), let hours = number(index + 1, 2), let minutes = number(index + 4, 2),
                  hours < 24, minutes < 60 {
            let sign = characters[index] == UInt8(ascii: "-") ? -1 : 1
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
            offset = String(decoding: characters[index...], as: UTF8.self)
            index = characters.count
        } else {
            return nil
        }
        let days = daysSince1970(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        // Microseconds to milliseconds, half to even, as the reference implementation rounds.
        var milliseconds = microseconds / 1000
        let rest = microseconds % 1000
        if rest > 500 || (rest == 500 && milliseconds % 2 == 1) { milliseconds += 1 }
        return Parts(milliseconds: seconds * 1000 + Int64(milliseconds), offset: offset)
    }

    /// `2025-03-01T00:00:00.123Z`, or nil when `text` is not an ISO 8601 date-time.
    static func utcMilliseconds(_ text: String) -> String? {
        guard let parts = parse(text) else { return nil }
        return utc(milliseconds: parts.milliseconds)
    }

    static func utc(milliseconds: Int64) -> String {
        let (days, remainder) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let dayNumber = remainder < 0 ? days - 1 : days
        let inDay = remainder < 0 ? remainder + 86_400_000 : remainder
        let (year, month, day) = civilDate(daysSince1970: Int(dayNumber))
        let hour = inDay / 3_600_000, minute = inDay / 60_000 % 60, second = inDay / 1000 % 60, milli = inDay % 1000
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(Int(hour), 2) + ":" + pad(Int(minute), 2)
            + ":" + pad(Int(second), 2) + "." + pad(Int(milli), 3) + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 (proleptic Gregorian), after Howard Hinnant's `days_from_civil`.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSince1970`.
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
