public import Imaging
import ZPL

/// Renders one template on one printer, label after label.
///
/// Create it once per template and device: it converts the template to dots and places the
/// elements that hold no data. Each `layout`, `bitmap` or `zpl` call then fills in one item's
/// values, checks the result with lint and stops on any error. Like the `TextRasterizer` it
/// owns (a FreeType face and its glyph cache), a renderer belongs to one task.
public final class LabelRenderer {
    public let template: LabelTemplate
    public let device: DeviceProfile
    public let lint: LabelLint
    let text: TextRasterizer
    let plan: LayoutPlan
    /// The start of every native ZPL format, with the fixed elements, made on first use.
    var zplFixed: ZPLFormat?

    /// - Parameter font: the font for text; `FontLocator.locate()` (WenQuanYi Micro Hei from
    ///   Debian's fonts-wqy-microhei, or `TRACESTATION_FONT`) when nil.
    public init(template: LabelTemplate, device: DeviceProfile, font: FontLocation? = nil, lint: LabelLint = LabelLint()) throws(LabelError) {
        self.template = template
        self.device = device
        self.lint = lint
        do {
            let location = try font ?? FontLocator.locate()
            text = TextRasterizer(font: try Font(path: location.path, faceIndex: location.faceIndex))
        } catch {
            throw LabelError("cannot open the label font: \(error)")
        }
        plan = try LayoutPlan(template: template, device: device, text: text)
    }

    /// The label for `values` in dots, with every lint finding (errors first).
    public func check(_ values: FieldValues) throws(LabelError) -> (layout: LabelLayout, findings: [LintFinding]) {
        let layout = try plan.layout(values, text: text)
        return (layout, lint.check(layout, template: template, device: device))
    }

    /// The label for `values` in dots, after lint found no error.
    public func layout(_ values: FieldValues) throws(LabelError) -> LabelLayout {
        let (layout, findings) = try check(values)
        if let error = findings.first(where: { $0.severity == .error }) { throw error.error }
        return layout
    }
}
