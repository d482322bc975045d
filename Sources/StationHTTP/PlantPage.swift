import Foundation

/// The plant dashboard as one self-contained HTML page, like `DashboardPage`: a table of every
/// station's lines and the plant's totals, rendered whole by the server; `PlantScript` polls
/// `/dashboard/plant.json` every second and writes the values in.
///
/// Each line is a `tr[data-station][data-line]` with `data-reporting="true|false"`, its values
/// in `[data-field]` cells; each total a `[data-total]`. A line that stopped reporting keeps its
/// row, marked "not reporting since" its last update.
struct PlantPage {
    let plant: PlantBody
    let language: DashboardLanguage
    /// False under `serve --plant`, which has no line dashboard to go back to.
    let linksToStation: Bool

    var html: String {
        let other: DashboardLanguage = language == .chinese ? .english : .chinese
        let title = phrase(.plantTitle)
        let back = linksToStation ? "\n<a id=\"station-link\" href=\"/dashboard?lang=\(language.rawValue)\">\(phrase(.stationLines))</a>" : ""
        return """
            <!DOCTYPE html>
            <html lang="\(language == .chinese ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <noscript><meta http-equiv="refresh" content="10"></noscript>
            <style>\(DashboardScript.style)\(PlantScript.style)</style>
            </head><body data-polls="0">
            <header><h1>\(title)</h1>
            <p class="meta"><span>\(phrase(.updated))</span> <time id="updated" datetime="\(HTML.escape(plant.generatedAt))">\(Self.clock(plant.generatedAtMilliseconds))</time>
            <span id="stale" hidden>\(phrase(.stale))</span>
            <a id="switch-language" href="/dashboard/plant?lang=\(other.rawValue)" hreflang="\(other.rawValue)">\(phrase(.switchLanguage))</a>\(back)</p>
            <noscript><p>\(phrase(.withoutScript))</p></noscript>
            </header>
            <main>
            \(table)
            \(totals)
            </main>
            <script type="application/json" id="dashboard-text">\(DashboardPage.scriptText(language))</script>
            <script>\(PlantScript.script)</script>
            </body></html>

            """
    }

    private func phrase(_ phrase: DashboardText) -> String { HTML.escape(phrase.text(language)) }

    private var table: String {
        let rows = plant.stations.flatMap { station in station.lines.map { row(station.station, $0) } }
        guard !rows.isEmpty else { return "<section id=\"plant-lines\"><p>\(phrase(.noPublishedLines))</p></section>" }
        let columns: [DashboardText] = [.station, .line, .state, .batch, .progress, .printed, .verified, .printer, .lastUpdate]
        let header = columns.map { column -> String in "<th>\(phrase(column))</th>" }.joined()
        return "<section id=\"plant-lines\"><table><thead><tr>\(header)</tr></thead><tbody>\n\(rows.joined(separator: "\n"))\n</tbody></table></section>"
    }

    private func row(_ station: String, _ entry: PlantBody.LineEntry) -> String {
        let status = entry.status
        let state = status.string("state") ?? "unavailable"
        let good = status.integer("good") ?? 0, target = status.integer("target") ?? 0
        let percent = target > 0 ? min(100, good * 100 / target) : 0
        let printerState = status["printer"]?.string("state") ?? "offline"
        let batch = status.integer("batch").map(String.init) ?? "–"
        let pass = status.integer("verified_pass") ?? 0, fail = status.integer("verified_fail") ?? 0
        return """
            <tr data-station="\(HTML.escape(station))" data-line="\(HTML.escape(entry.line))" data-reporting="\(entry.reporting)" data-state="\(HTML.escape(state))">\
            <td class="text">\(HTML.escape(station))</td><td class="text">\(HTML.escape(entry.line))</td>\
            <td class="text"><span class="state" data-field="state">\(phrase(named: state))</span> \
            <span class="reason" data-field="reason">\(HTML.escape(status.string("reason") ?? ""))</span></td>\
            <td data-field="batch">\(batch)</td>\
            <td><div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="\(percent)">\
            <div class="bar" data-field="progress" style="width:\(percent)%"></div></div>\
            <span data-field="good">\(good)</span> / <span data-field="target">\(target)</span></td>\
            <td data-field="printed">\(status.integer("printed") ?? 0)</td>\
            <td><span class="ok" data-field="verified_pass">\(pass)</span> / <span class="bad" data-field="verified_fail">\(fail)</span></td>\
            <td class="text" data-printer-state="\(HTML.escape(printerState))"><span data-field="printer_state">\(phrase(named: printerState))</span></td>\
            <td class="text" data-field="last_update">\(lastUpdate(entry))</td></tr>
            """
    }

    /// The time of the last update; for a line not reporting, the marker with the date too.
    private func lastUpdate(_ entry: PlantBody.LineEntry) -> String {
        let time = "<time datetime=\"\(HTML.escape(entry.updatedAt))\">\(Self.clock(entry.updatedAtMilliseconds, withDate: !entry.reporting))</time>"
        return entry.reporting ? time : "<span class=\"not-reporting\">\(phrase(.notReportingSince)) \(time)</span>"
    }

    private var totals: String {
        let names = ["stations", "lines", "reporting", "not_reporting", "printed", "verified_pass", "verified_fail", "good", "target"]
        let values = plant.totals.byName
        let items = names.map { name -> String in
            "<div><dt>\(phrase(named: name))</dt><dd data-total=\"\(name)\">\(values[name] ?? 0)</dd></div>"
        }.joined()
        return "<section id=\"plant-totals\"><h2>\(phrase(.plantTotals))</h2><dl class=\"counters\">\(items)</dl></section>"
    }

    private func phrase(named name: String) -> String { HTML.escape(DashboardText.text(named: name, language)) }

    /// The station's local time of day, with the date for a line long silent.
    static func clock(_ milliseconds: Int64, withDate: Bool = false) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = withDate ? "yyyy-MM-dd HH:mm:ss" : "HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
