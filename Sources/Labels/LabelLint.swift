import Imaging
import Symbology

/// Checks a laid-out label against the rules that make labels print and scan.
///
/// Rules (errors unless marked):
/// - a symbol module under `rules.minimumModuleDots` dots (2: a 1-dot module prints unevenly);
/// - a symbol module under the symbology's minimum X-dimension in mm (`MinimumXDimension`);
/// - an element leaving the label;
/// - text, symbols (with their quiet zones) or images overlapping one another; boxes and
///   rules may cross or surround anything;
/// - text that does not fit its box after wrapping or shrinking;
/// - text with characters the font lacks (the raster would print empty boxes);
/// - a label wider than the printer's print width;
/// - warning: a label of another size than the media loaded in the printer.
public struct LabelLint: Sendable {
    /// Limits a site may tighten or relax.
    public struct Rules: Sendable, Equatable {
        public var minimumModuleDots: Int
        public var minimumXDimension: [SymbologyKind: Double]

        public init(minimumModuleDots: Int = 2, minimumXDimension: [SymbologyKind: Double] = MinimumXDimension.defaults) {
            self.minimumModuleDots = minimumModuleDots
            self.minimumXDimension = minimumXDimension
        }
    }

    public var rules: Rules

    public init(rules: Rules = Rules()) {
        self.rules = rules
    }

    /// Every finding for `layout`, the label `template` gives on `device`, errors first.
    public func check(_ layout: LabelLayout, template: LabelTemplate, device: DeviceProfile) -> [LintFinding] {
        var findings: [LintFinding] = []
        func add(_ severity: LintFinding.Severity, _ element: PlacedElement?, _ rule: String) {
            findings.append(LintFinding(
                severity: severity, file: template.file, line: element?.line ?? nil, element: element?.label, rule: rule))
        }
        if layout.width > device.printWidth {
            add(.error, nil, "the label is \(layout.width) dots wide; \(device.name) prints \(device.printWidth) dots")
        }
        if abs(template.width - device.mediaWidth) > 0.5 || abs(template.height - device.mediaHeight) > 0.5 {
            add(.warning, nil, "the label is \(template.width.formatted)×\(template.height.formatted) mm; "
                + "\(device.name) has \(device.mediaWidth.formatted)×\(device.mediaHeight.formatted) mm media loaded")
        }
        let label = DotRect(x: 0, y: 0, width: layout.width, height: layout.height)
        for element in layout.elements {
            if !label.contains(element.rect) {
                add(.error, element, "leaves the \(layout.width)×\(layout.height)-dot label: it takes \(element.rect)")
            }
            switch element.content {
            case .qr(let qr):
                checkModule(qr.moduleSize, kind: qr.gs1 ? .gs1QR : .qr, layout: layout, element: element, add: add)
            case .linear(let symbol):
                checkModule(symbol.moduleSize, kind: symbol.kind, layout: layout, element: element, add: add)
            case .text(let text):
                if let overflow = text.overflow { add(.error, element, "does not fit: \(overflow)") }
                if !text.missingCharacters.isEmpty {
                    let list = text.missingCharacters.map { "'\($0)' U+\(String($0.value, radix: 16, uppercase: true))" }
                    add(.error, element, "the font has no glyph for \(list.joined(separator: ", "))")
                }
            case .box, .rule, .image:
                break
            }
        }
        let solid = layout.elements.filter { element in
            switch element.content {
            case .box, .rule: false
            default: true
            }
        }
        for (position, first) in solid.enumerated() {
            for second in solid[(position + 1)...] where first.index != second.index && first.rect.intersects(second.rect) {
                add(.error, second, "overlaps \(first.label): \(second.rect) against \(first.rect)")
            }
        }
        return findings.filter { $0.severity == .error } + findings.filter { $0.severity == .warning }
    }

    private func checkModule(
        _ dots: Int, kind: SymbologyKind, layout: LabelLayout, element: PlacedElement,
        add: (LintFinding.Severity, PlacedElement?, String) -> Void
    ) {
        if dots < rules.minimumModuleDots {
            add(.error, element, "module is \(dots) dot\(dots == 1 ? "" : "s"); at least \(rules.minimumModuleDots) print evenly")
        }
        let millimetres = Double(dots) / Double(layout.dotsPerMillimetre)
        if let minimum = rules.minimumXDimension[kind], millimetres + 1e-9 < minimum {
            add(.error, element, "module is \(((millimetres * 1000).rounded() / 1000).formatted) mm; \(kind.rawValue) needs at least \(minimum.formatted) mm")
        }
    }
}
