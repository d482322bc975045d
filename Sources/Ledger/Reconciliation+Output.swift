import Foundation

/// Reconciliation as JSON, CSV and a self-contained HTML page.
extension Reconciliation {
    /// One JSON object with fixed keys in fixed order: `scope`, the counts of `fields`,
    /// `balanced` and `problems`.
    public var json: String {
        var out = "{\"scope\":" + scopeJSON
        for field in fields { out += ",\"\(field.name)\":\(field.value)" }
        out += ",\"balanced\":\(isBalanced),\"problems\":["
        out += problems.map { CanonicalJSON.string($0).text }.joined(separator: ",")
        return out + "]}"
    }

    private var scopeJSON: String {
        switch scope {
        case .batch(let id): "{\"batch\":\(id)}"
        case .shift(let from, let to):
            "{\"from\":\(CanonicalJSON.string(Timestamp.iso8601(from)).text),\"to\":\(CanonicalJSON.string(Timestamp.iso8601(to)).text)}"
        }
    }

    /// A header line and one data line (RFC 4180; the scope is quoted).
    public var csv: String {
        let header = (["scope"] + fields.map(\.name) + ["balanced"]).joined(separator: ",")
        let row = (["\"\(scope)\""] + fields.map { String($0.value) } + [String(isBalanced)]).joined(separator: ",")
        return header + "\r\n" + row + "\r\n"
    }

    /// Readable text: one count per line, then the verdict.
    public var table: String {
        let width = fields.map(\.name.count).max() ?? 0
        var lines = ["Reconciliation, \(scope)"]
        for field in fields {
            lines.append("  " + field.name.replacingUnderscores.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(field.value))
        }
        lines.append(isBalanced ? "Balanced." : "NOT balanced: " + problems.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }

    /// A page with no external assets: the counts as a table and as an inline SVG bar chart.
    public var html: String {
        let bars = fields.filter { $0.name != "printed" }
        let maximum = max(bars.map(\.value).max() ?? 0, 1)
        let rowHeight = 28, labelWidth = 150, chartWidth = 420
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + chartWidth + 80)\" height=\"\(bars.count * rowHeight + 10)\" role=\"img\" aria-label=\"counts\">"
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 5
            let width = bar.value == 0 ? 0 : max(1, bar.value * chartWidth / maximum)
            svg += "<text x=\"0\" y=\"\(y + 18)\" font-size=\"14\">\(bar.name.replacingUnderscores)</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"\(rowHeight - 8)\" fill=\"\(Self.colour(bar.name))\"/>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 18)\" font-size=\"14\">\(bar.value)</text>"
        }
        svg += "</svg>"
        let verdict = isBalanced
            ? "<p class=\"ok\">Balanced.</p>"
            : "<p class=\"bad\">Not balanced:</p><ul>" + problems.map { "<li>\($0.htmlEscaped)</li>" }.joined() + "</ul>"
        let title = "Reconciliation, \(scope)".htmlEscaped
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title)</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}th,td{padding:4px 12px;border-bottom:1px solid #ccc;text-align:left}td{text-align:right}.ok{color:#070}.bad{color:#b00}</style>
            </head><body>
            <h1>\(title)</h1>
            \(verdict)
            \(svg)
            \(htmlTable { $0.replacingUnderscores })
            </body></html>

            """
    }

    /// The counts as an HTML table, each count's cell marked `data-count="<name>"` so a page
    /// can update it in place; `title` names a count (its stable name in, plain text out, escaped
    /// here), so the station's dashboard shows the same table in its own language.
    public func htmlTable(title: (String) -> String) -> String {
        let rows: [String] = fields.map { "<tr><th>\(title($0.name).htmlEscaped)</th><td data-count=\"\($0.name)\">\($0.value)</td></tr>" }
        return "<table class=\"reconciliation\">" + rows.joined() + "</table>"
    }

    private static func colour(_ name: String) -> String {
        switch name {
        case "verified_pass": "#2a9d3a"
        case "verified_fail", "voided": "#c0392b"
        case "unconfirmed", "sent", "printed_confirmed": "#e6a100"
        default: "#3b6ea8"
        }
    }
}

private extension String {
    var replacingUnderscores: String { replacingOccurrences(of: "_", with: " ") }

    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
