import Foundation
import Station

/// The chart of a line's verification grades over time, as inline SVG: one mark per verdict,
/// placed by its time and its overall score (0 to 4, F to A); failures are red crosses, at the
/// bottom when the label could not be graded.
///
/// Drawn here only: the page's first render and its live updates (which swap in the markup
/// the status JSON carries) cannot drift apart, and the chart needs no script at all. It has no
/// words, only grade letters, so one drawing serves both languages.
enum GradeChart {
    static let width = 480
    static let height = 160
    private static let left = 24.0, right = 8.0, top = 8.0, bottom = 8.0
    private static let grades: [(score: Double, letter: String)] = [(4, "A"), (3, "B"), (2, "C"), (1, "D"), (0, "F")]

    static func svg(_ verdicts: [LineStatus.Verdict]) -> String {
        let failures = verdicts.count { !$0.passed }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"grades\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" "
            + "height=\"\(height)\" data-verdicts=\"\(verdicts.count)\" data-failures=\"\(failures)\">"
        for grade in grades {
            let y = number(self.y(grade.score))
            svg += "<line x1=\"\(number(left))\" y1=\"\(y)\" x2=\"\(number(Double(width) - right))\" y2=\"\(y)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"4\" y=\"\(number(self.y(grade.score) + 4))\" font-size=\"11\" fill=\"#666\">\(grade.letter)</text>"
        }
        let first = verdicts.first?.time ?? Date(), last = verdicts.last?.time ?? Date()
        let span = last.timeIntervalSince(first)
        func x(_ time: Date) -> Double {
            let plot = Double(width) - left - right
            return span > 0 ? left + time.timeIntervalSince(first) / span * plot : left + plot / 2
        }
        let graded = verdicts.compactMap { verdict in verdict.score.map { (x(verdict.time), y($0)) } }
        if graded.count > 1 {
            let points = graded.map { x, y -> String in "\(number(x)),\(number(y))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#9bb5d6\" stroke-width=\"1\"/>"
        }
        for verdict in verdicts {
            let cx = x(verdict.time), cy = y(verdict.score ?? 0)
            if verdict.passed {
                let fill = verdict.score == nil ? "#999" : "#2a9d3a"
                svg += "<circle cx=\"\(number(cx))\" cy=\"\(number(cy))\" r=\"3\" fill=\"\(fill)\"/>"
            } else {
                svg += "<path class=\"fail\" d=\"M\(number(cx - 4)),\(number(cy - 4))l8,8m0,-8l-8,8\" stroke=\"#c0392b\" stroke-width=\"2\"/>"
            }
        }
        return svg + "</svg>"
    }

    private static func y(_ score: Double) -> Double {
        top + (4 - min(max(score, 0), 4)) / 4 * (Double(height) - top - bottom)
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
