import Testing
@testable import Labels

@Suite("Lint rules")
struct LintTests {
    /// A template from YAML text, checked on the 203-dpi industrial printer with its sample values.
    static func findings(_ yaml: String, device: String = "zebra-zt411-203") throws -> [LintFinding] {
        let template = try LabelTemplate(yaml: yaml, name: "crafted", file: "crafted.yaml", folder: ".")
        let renderer = try LabelRenderer(template: template, device: Shipped.library.device(device))
        return try renderer.check(template.sample).findings
    }

    static func label(_ elements: String) -> String {
        "size: { width: 60, height: 40 }\nsample: { a: 'https://id.gs1.org/01/06901234567892', t: 'Lot L2025A' }\nelements:\n" + elements
    }

    @Test("Each rule names the element, its line and the rule", arguments: [
        ("  - { type: qr, id: q, x: 1, y: 1, data: '{{a}}', module_dots: 1 }\n", "element 0 (q)", "module is 1 dot", 4),
        ("  - { type: code128, id: c, x: 1, y: 1, data: 'ABC', module: 0.125, height: 10 }\n", "element 0 (c)", "needs at least 0.25 mm", 4),
        ("  - { type: qr, x: 1, y: 1, data: '{{a}}', module: 0.5 }\n  - { type: text, id: t, x: 5, y: 5, size: 3, text: '{{t}}' }\n", "element 1 (t)", "overlaps element 0 (qr)", 5),
        ("  - { type: text, id: far, x: 50, y: 1, size: 3, text: 'a long line of text' }\n", "element 0 (far)", "leaves the", 4),
        ("  - { type: text, id: tight, x: 1, y: 1, width: 10, size: 3, text: 'a long line of text' }\n", "element 0 (tight)", "does not fit", 4),
        ("  - { type: text, id: glyph, x: 1, y: 1, size: 3, text: 'x\u{E000}' }\n", "element 0 (glyph)", "no glyph for", 4),
    ])
    func rule(elements: String, element: String, rule: String, line: Int) throws {
        let errors = try Self.findings(Self.label(elements)).filter { $0.severity == .error }
        #expect(errors.contains { $0.element == element && $0.rule.contains(rule) && $0.line == line }, "\(errors)")
        #expect(errors.first.map { "\($0)".hasPrefix("error: crafted.yaml:\(line): \(element): ") } ?? false)
    }

    @Test("A box may surround other elements, and shrink-to-fit makes long text fit")
    func allowed() throws {
        let errors = try Self.findings(Self.label("""
              - { type: box, x: 0.5, y: 0.5, width: 59, height: 39 }
              - { type: text, x: 2, y: 2, width: 30, size: 3, fit: shrink, text: '{{t}} and more words' }
            """)).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("A label wider than the print width is an error; another media size only a warning")
    func printWidth() throws {
        let wide = try Self.findings("size: { width: 120, height: 40 }\nelements: []\n")
        #expect(wide.contains { $0.severity == .error && $0.rule.contains("prints 832 dots") })
        #expect(wide.contains { $0.severity == .warning && $0.rule.contains("media loaded") })
    }

    @Test("The minimum X-dimension table is configurable")
    func rules() throws {
        var rules = LabelLint.Rules()
        rules.minimumXDimension[.qr] = 1.0
        let template = try LabelTemplate(yaml: Self.label("  - { type: qr, x: 1, y: 1, data: '{{a}}', module: 0.5 }\n"), name: "c", file: "c.yaml", folder: ".")
        let renderer = try LabelRenderer(template: template, device: Shipped.library.device("virtual-203"), lint: LabelLint(rules: rules))
        #expect(throws: LabelError.self) { try renderer.bitmap(template.sample) }
    }
}
