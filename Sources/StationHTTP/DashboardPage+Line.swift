/// One line's section of the page: state, batch and progress, counters, printer, latest
/// labels, grade chart and the batch's reconciliation. Its values come from `LineBody`, the
/// same derivation the API and the status JSON use.
extension DashboardPage {
    func section(_ line: DashboardSnapshot.Line) -> String {
        let body = LineBody(line.status)
        let id = HTML.escape(body.line)
        let batch = body.batch.map { "\(phrase(.batch)) <span data-field=\"batch\">\($0)</span>" } ?? phrase(.noBatch)
        let percent = body.target > 0 ? min(100, body.good * 100 / body.target) : 0
        let counters = Self.counts(body).map { name, value -> String in
            "<div><dt>\(phrase(named: name))</dt><dd data-field=\"\(name)\">\(value)</dd></div>"
        }.joined()
        let problems = body.printer.problems.isEmpty ? phrase(.noProblems) : HTML.escape(body.printer.problems.joined(separator: "; "))
        return """
            <section class="line" data-line="\(id)" data-batch="\(body.batch.map(String.init) ?? "")" data-state="\(body.state)">
            <h2><span class="line-id">\(id)</span> <span class="state" data-field="state">\(phrase(named: body.state))</span> \
            <span class="reason" data-field="reason">\(HTML.escape(body.reason ?? ""))</span></h2>
            <p class="batch">\(batch)</p>
            <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="\(percent)">\
            <div class="bar" data-field="progress" style="width:\(percent)%"></div></div>
            <p>\(phrase(.progress)): <span data-field="good">\(body.good)</span> / <span data-field="target">\(body.target)</span></p>
            <dl class="counters">\(counters)</dl>
            <div class="printer" data-printer-state="\(body.printer.state)"><h3>\(phrase(.printer))</h3>
            <p><span data-field="printer_state">\(phrase(named: body.printer.state))</span> · \(phrase(.problems)): \
            <span data-field="problems">\(problems)</span> · \(phrase(.inPrinter)): <span data-field="in_printer">\(body.printer.inPrinter)</span></p></div>
            <h3>\(phrase(.latestLabels))</h3>
            \(labels(body))
            <figure><figcaption>\(phrase(.grades))</figcaption><div data-field="chart">\(GradeChart.svg(line.status.recentVerdicts))</div>
            <p class="note">\(phrase(.gradesCaption))</p></figure>
            \(reconciliation(line))
            </section>
            """
    }

    private func labels(_ body: LineBody) -> String {
        let files = HTML.escape(body.labelImages.joined(separator: " "))
        guard !body.labelImages.isEmpty else {
            return "<div class=\"labels\" data-field=\"labels\" data-files=\"\"><p>\(phrase(.noLabels))</p></div>"
        }
        let images = body.labelImages.map { file -> String in
            let source = "/dashboard/lines/\(HTML.pathSegment(body.line))/labels/\(HTML.pathSegment(file))"
            return "<img src=\"\(HTML.escape(source))\" alt=\"\(HTML.escape(file))\" data-file=\"\(HTML.escape(file))\">"
        }.joined()
        return "<div class=\"labels\" data-field=\"labels\" data-files=\"\(files)\">\(images)</div>"
    }

    private func reconciliation(_ line: DashboardSnapshot.Line) -> String {
        guard let counts = line.reconciliation else { return "" }
        let verdict = counts.isBalanced ? "<p class=\"ok\" data-field=\"balanced\">\(phrase(.balanced))</p>"
            : "<p class=\"bad\" data-field=\"balanced\">\(phrase(.notBalanced))</p>"
        return "<div class=\"reconciliation\"><h3>\(phrase(.reconciliation))</h3>\(verdict)"
            + counts.htmlTable { DashboardText.text(named: $0, language) } + "</div>"
    }

    /// The run's counters by their names in `LineBody`'s JSON, which the script updates them from.
    private static func counts(_ body: LineBody) -> [(String, Int)] {
        [("issued", body.issued), ("printed", body.printed), ("verified_pass", body.verifiedPass), ("verified_fail", body.verifiedFail),
         ("voided", body.voided), ("unconfirmed", body.unconfirmed), ("remaining", body.remaining)]
    }
}
