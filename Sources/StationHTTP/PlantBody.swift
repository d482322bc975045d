import Foundation
import Ledger

/// `GET /api/v1/plant` and `/dashboard/plant.json`: every line of every station that shares
/// the ledger, as each station last published it (its status is the `LineBody` JSON of
/// `/api/v1/lines/{line}` on that station), with its age. A line not published within the
/// staleness is `reporting: false` (its station may be down) and is shown all the same.
struct PlantBody: Encodable {
    struct LineEntry: Encodable {
        let line: String
        let updatedAt: String
        /// Milliseconds since 1970, for the page's script; not part of the API's documented keys.
        let updatedAtMilliseconds: Int64
        let ageSeconds: Double
        let reporting: Bool
        /// As published; null when the row is not JSON (a station's bug, shown rather than hidden).
        let status: JSONValue

        enum CodingKeys: String, CodingKey {
            case line, reporting, status
            case updatedAt = "updated_at"
            case updatedAtMilliseconds = "updated_at_ms"
            case ageSeconds = "age_seconds"
        }
    }

    struct StationEntry: Encodable {
        let station: String
        let lines: [LineEntry]
    }

    /// Summed over every line shown, reporting or not: a silent line's last counts still count.
    struct Totals: Encodable {
        var stations = 0
        var lines = 0
        var reporting = 0
        var notReporting = 0
        var issued = 0
        var printed = 0
        var verifiedPass = 0
        var verifiedFail = 0
        var voided = 0
        var unconfirmed = 0
        var good = 0
        var target = 0

        /// Adds one line's counts, by their names in its status; a count it lacks adds nothing.
        mutating func add(_ status: JSONValue) {
            issued += status.integer("issued") ?? 0
            printed += status.integer("printed") ?? 0
            verifiedPass += status.integer("verified_pass") ?? 0
            verifiedFail += status.integer("verified_fail") ?? 0
            voided += status.integer("voided") ?? 0
            unconfirmed += status.integer("unconfirmed") ?? 0
            good += status.integer("good") ?? 0
            target += status.integer("target") ?? 0
        }

        /// Every total by its key in the JSON, for the page.
        var byName: [String: Int] {
            ["stations": stations, "lines": lines, "reporting": reporting, "not_reporting": notReporting, "issued": issued,
             "printed": printed, "verified_pass": verifiedPass, "verified_fail": verifiedFail, "voided": voided,
             "unconfirmed": unconfirmed, "good": good, "target": target]
        }

        enum CodingKeys: String, CodingKey {
            case stations, lines, reporting, issued, printed, voided, unconfirmed, good, target
            case notReporting = "not_reporting"
            case verifiedPass = "verified_pass"
            case verifiedFail = "verified_fail"
        }
    }

    let generatedAt: String
    let generatedAtMilliseconds: Int64
    let staleAfterSeconds: Double
    let stations: [StationEntry]
    let totals: Totals

    /// `rows` ordered by station and line, as the ledger returns them; `now` and the staleness in ms.
    init(rows: [PublishedLineStatus], now: Int64, staleAfter: Int64) {
        var stations: [StationEntry] = []
        var totals = Totals()
        for row in rows {
            let status = (try? JSONDecoder().decode(JSONValue.self, from: Data(row.status.utf8))) ?? .null
            let age = max(0, now - row.updatedAt)
            let reporting = age <= staleAfter
            let entry = LineEntry(line: row.line, updatedAt: Self.iso(row.updatedAt), updatedAtMilliseconds: row.updatedAt,
                                  ageSeconds: Double(age) / 1000, reporting: reporting, status: status)
            if stations.last?.station == row.station {
                stations[stations.count - 1] = StationEntry(station: row.station, lines: stations[stations.count - 1].lines + [entry])
            } else {
                stations.append(StationEntry(station: row.station, lines: [entry]))
            }
            totals.lines += 1
            if reporting { totals.reporting += 1 } else { totals.notReporting += 1 }
            totals.add(status)
        }
        totals.stations = stations.count
        self.stations = stations
        self.totals = totals
        generatedAt = Self.iso(now)
        generatedAtMilliseconds = now
        staleAfterSeconds = Double(staleAfter) / 1000
    }

    static func iso(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    enum CodingKeys: String, CodingKey {
        case stations, totals
        case generatedAt = "generated_at"
        case generatedAtMilliseconds = "generated_at_ms"
        case staleAfterSeconds = "stale_after_seconds"
    }
}
