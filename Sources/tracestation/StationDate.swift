import Foundation

/// Dates as the plant writes them: production dates and default lots follow the calendar of
/// China Standard Time, whatever time zone the station's clock is set to.
enum StationDate {
    static func today(format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = format
        return formatter.string(from: Date())
    }
}
