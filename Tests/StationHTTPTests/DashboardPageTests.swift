import Foundation
import Station
@testable import StationHTTP
import Testing

@Suite("The dashboard page")
struct DashboardPageTests {
    @Test("Reasons, line ids, file names and the station id with markup are escaped; the page's only scripts are its own")
    func escapesValues() {
        var status = LineStatus(line: "line-<b>1</b>")
        status.state = .paused(reason: "<script>alert('x')</script> & more")
        status.batch = 7
        status.lastLabelImages = ["/labels/label-1.png\" onerror=\"alert(1)"]
        let snapshot = DashboardSnapshot(stationID: "WX-<i>01</i>", lines: [DashboardSnapshot.Line(status: status, reconciliation: nil)],
                                         openBatches: [], time: Date())
        for language in DashboardLanguage.allCases {
            let html = DashboardPage(snapshot: snapshot, language: language).html
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
            #expect(!html.contains("<script>alert"))
            #expect(html.components(separatedBy: "<script").count - 1 == 2, "the phrases and the poller, nothing else")
            #expect(html.contains("data-line=\"line-&lt;b&gt;1&lt;/b&gt;\"") && !html.contains("<b>"))
            #expect(html.contains("WX-&lt;i&gt;01&lt;/i&gt;") && !html.contains("<i>"))
            #expect(!html.contains("onerror=\"alert"))
            #expect(html.contains("/dashboard/lines/line-%3Cb%3E1%3C%2Fb%3E/labels/label-1.png%22%20onerror%3D%22alert%281%29\""))
        }
    }

    @Test("Every phrase exists in both languages and no two phrases of one language are the same")
    func phrases() {
        for language in DashboardLanguage.allCases {
            let texts = DashboardText.allCases.map { $0.text(language) }
            #expect(texts.allSatisfy { !$0.isEmpty })
            // GTIN is GTIN in both languages.
            #expect(Set(texts).count == texts.count, "\(language)")
        }
        let translated = DashboardText.allCases.filter { $0.text(.english) == $0.text(.chinese) }
        #expect(translated == [.gtin])
        #expect(DashboardText.text(named: "verified_pass", .chinese) == "校验通过")
        #expect(DashboardText.text(named: "no-such-count", .chinese) == "no-such-count")
    }

    @Test("Accept-Language: the best-rated language we speak, by q-value; English when none")
    func acceptLanguage() {
        #expect(DashboardLanguage.choose(query: nil, acceptLanguage: nil) == .english)
        #expect(DashboardLanguage.choose(query: nil, acceptLanguage: "zh-TW") == .chinese)
        #expect(DashboardLanguage.choose(query: nil, acceptLanguage: "en;q=0.3, zh-CN;q=0.7") == .chinese)
        #expect(DashboardLanguage.choose(query: nil, acceptLanguage: "zh;q=0, en;q=0.1") == .english)
        #expect(DashboardLanguage.choose(query: nil, acceptLanguage: "de, fr;q=0.9") == .english)
        #expect(DashboardLanguage.choose(query: "ZH", acceptLanguage: "en") == .chinese)
    }

    @Test("The grade chart marks each verdict by time and score, failures as crosses, and carries the counts")
    func chart() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let verdicts = [
            LineStatus.Verdict(time: start, code: "a", passed: true, grade: "A", score: 4),
            LineStatus.Verdict(time: start.addingTimeInterval(1), code: "b", passed: true, grade: "B", score: 3.2),
            LineStatus.Verdict(time: start.addingTimeInterval(2), code: "c", passed: false, grade: nil, score: nil),
        ]
        let svg = GradeChart.svg(verdicts)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.contains("data-verdicts=\"3\"") && svg.contains("data-failures=\"1\""))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2 && svg.components(separatedBy: "class=\"fail\"").count - 1 == 1)
        // The first verdict at the left edge and grade A's line, the failure at the right edge, at F.
        #expect(svg.contains("cx=\"24.0\" cy=\"8.0\"") && svg.contains("M468.0,148.0"))
        #expect(GradeChart.svg([]).contains("data-verdicts=\"0\""))
    }
}
