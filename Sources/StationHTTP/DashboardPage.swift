import Foundation
import Ledger

/// The dashboard as one self-contained HTML page: inline style and script, no external
/// fetches, no build step. Rendered whole by the server, so it shows everything with scripts
/// off (and then reloads itself); with scripts on, `DashboardScript` polls the status JSON and
/// updates the page in place.
///
/// Values are found by stable attributes: each line is a `section.line[data-line]`, each value
/// in it a `[data-field]` (`printed`, `state`, `printer_state`, …), each reconciliation count a
/// `td[data-count]`, each open batch a `tr[data-batch]`; `body[data-polls]` counts the polls
/// that updated the page and `body[data-updated]` is the moment the last one told of.
struct DashboardPage {
    let snapshot: DashboardSnapshot
    let language: DashboardLanguage

    var html: String {
        let other: DashboardLanguage = language == .chinese ? .english : .chinese
        let title = "\(phrase(.title)) · \(phrase(.station)) \(HTML.escape(snapshot.stationID))"
        let lines = snapshot.lines.isEmpty ? "<p>\(phrase(.noLines))</p>" : snapshot.lines.map(section).joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="\(language == .chinese ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <noscript><meta http-equiv="refresh" content="10"></noscript>
            <style>\(DashboardScript.style)</style>
            </head><body data-polls="0">
            <header><h1>\(title)</h1>
            <p class="meta"><span>\(phrase(.updated))</span> <time id="updated" datetime="\(Self.isoTime(snapshot.time))">\(Self.clock(snapshot.time))</time>
            <span id="stale" hidden>\(phrase(.stale))</span>
            <a id="switch-language" href="/dashboard?lang=\(other.rawValue)" hreflang="\(other.rawValue)">\(phrase(.switchLanguage))</a>
            <a id="plant-link" href="/dashboard/plant?lang=\(language.rawValue)">\(phrase(.plantView))</a></p>
            <noscript><p>\(phrase(.withoutScript))</p></noscript>
            </header>
            <main>
            \(lines)
            \(openBatches)
            </main>
            <script type="application/json" id="dashboard-text">\(Self.scriptText(language))</script>
            <script>\(DashboardScript.script)</script>
            </body></html>

            """
    }

    /// `phrase` in the page's language, escaped.
    func phrase(_ phrase: DashboardText) -> String { HTML.escape(phrase.text(language)) }

    /// The phrase of a stable name (count, line state, printer state), escaped.
    func phrase(named name: String) -> String { HTML.escape(DashboardText.text(named: name, language)) }

    private var openBatches: String {
        guard !snapshot.openBatches.isEmpty else {
            return "<section id=\"open-batches\"><h2>\(phrase(.openBatches))</h2><p>\(phrase(.noOpenBatches))</p></section>"
        }
        let columns: [DashboardText] = [.batch, .gtin, .lot, .quantity, .issued, .created]
        // Closures give their type as String throughout: GRDB's SQL is string-interpolable too.
        let header = columns.map { column -> String in "<th>\(phrase(column))</th>" }.joined()
        let rows = snapshot.openBatches.map { batch -> String in
            "<tr data-batch=\"\(batch.id)\"><td>\(batch.id)</td><td>\(HTML.escape(batch.spec.gtin))</td><td>\(HTML.escape(batch.spec.lot))</td>"
                + "<td>\(batch.spec.quantity)</td><td data-field=\"issued\">\(batch.issuedCount)</td>"
                + "<td>\(Self.clock(Date(timeIntervalSince1970: Double(batch.createdAt) / 1000), withDate: true))</td></tr>"
        }.joined()
        return "<section id=\"open-batches\"><h2>\(phrase(.openBatches))</h2><table><tr>\(header)</tr>\(rows)</table></section>"
    }

    /// Every phrase in the page's language, for the script; as JSON its slashes are escaped,
    /// so no phrase can close the script element.
    static func scriptText(_ language: DashboardLanguage) -> String {
        let phrases = Dictionary(uniqueKeysWithValues: DashboardText.allCases.map { ($0.rawValue, $0.text(language)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(phrases)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func isoTime(_ time: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: time)
    }

    /// The station's local time of day (and date), as the floor reads its clocks.
    static func clock(_ time: Date, withDate: Bool = false) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = withDate ? "yyyy-MM-dd HH:mm" : "HH:mm:ss"
        return formatter.string(from: time)
    }
}
