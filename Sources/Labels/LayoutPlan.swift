import Imaging
import Symbology
import TraceCodes

/// A template converted to one device's dots, once; `layout(_:text:)` then places the data of
/// each label. Everything that does not depend on the data (positions, sizes, pictures,
/// constant texts) is computed here, so the per-label work is small.
struct LayoutPlan {
    let template: LabelTemplate
    let device: DeviceProfile
    let width: Int
    let height: Int
    /// Elements placed already because they hold no placeholder.
    private var fixed: [Int: [PlacedElement]] = [:]
    /// Texts already set: on a line most fields (product, lot, date) repeat label after label,
    /// and breaking them into lines is most of a native-ZPL label's work.
    private let setTexts = SetTextMemo()

    /// The smallest text size shrink-to-fit goes down to, in mm: about 4.5 pt, still legible.
    static let smallestShrunkText = 1.6

    init(template: LabelTemplate, device: DeviceProfile, text: TextRasterizer) throws(LabelError) {
        self.template = template
        self.device = device
        width = device.dots(template.width)
        height = device.dots(template.height)
        for element in template.elements where element.fieldTexts.allSatisfy(\.isConstant) {
            fixed[element.index] = try place(element, values: FieldValues(), text: text)
        }
    }

    func isFixed(_ index: Int) -> Bool { fixed[index] != nil }

    /// The elements placed once for every label, in template order.
    var fixedElements: [PlacedElement] {
        fixed.keys.sorted().flatMap { fixed[$0]! }
    }

    /// The label with `values` filled in.
    func layout(_ values: FieldValues, text: TextRasterizer) throws(LabelError) -> LabelLayout {
        var placed: [PlacedElement] = []
        placed.reserveCapacity(template.elements.count + 2)
        for element in template.elements {
            if let known = fixed[element.index] {
                placed += known
            } else {
                placed += try place(element, values: values, text: text)
            }
        }
        return LabelLayout(width: width, height: height, dotsPerMillimetre: device.dotsPerMillimetre, elements: placed)
    }

    private func place(_ element: TemplateElement, values: FieldValues, text: TextRasterizer) throws(LabelError) -> [PlacedElement] {
        do {
            return try placeUnlocated(element, values: values, text: text)
        } catch {
            var located = error
            located.file = template.file
            located.line = element.line
            located.element = element.label
            throw located
        }
    }

    private func placeUnlocated(_ element: TemplateElement, values: FieldValues, text rasterizer: TextRasterizer) throws(LabelError) -> [PlacedElement] {
        let x = device.dots(element.x), y = device.dots(element.y)
        func placed(_ rect: DotRect, _ content: PlacedElement.Content) -> PlacedElement {
            PlacedElement(index: element.index, label: element.label, line: element.line, rect: rect, content: content)
        }
        switch element.kind {
        case .text(let spec):
            let content = try setText(try spec.text.resolved(with: values), spec: spec, rasterizer: rasterizer, element: element.index, role: .text)
            let across = content.boxWidth, down = spec.lines * content.lineHeight
            let rect = spec.quarterTurns.isMultiple(of: 2)
                ? DotRect(x: x, y: y, width: across, height: down)
                : DotRect(x: x, y: y, width: down, height: across)
            return [placed(rect, .text(content))]
        case .symbol(let spec):
            return try placeSymbol(
                spec, data: try spec.data.resolved(with: values), x: x, y: y, rasterizer: rasterizer, element: element.index, placed: placed)
        case .box(let width, let height, let thickness):
            let rect = DotRect(x: x, y: y, width: device.dots(width), height: device.dots(height))
            return [placed(rect, .box(thickness: max(1, device.dots(thickness))))]
        case .line(let width, let height):
            return [placed(DotRect(x: x, y: y, width: max(1, device.dots(width)), height: max(1, device.dots(height))), .rule)]
        case .image(let image):
            let picture = Self.scaled(image.picture, toWidth: max(1, device.dots(image.width)))
            return [placed(DotRect(x: x, y: y, width: picture.width, height: picture.height), .image(picture))]
        }
    }

    /// Breaks `value` into the box's lines; shrink-to-fit then lowers the size a dot at a
    /// time until the lines fit or the smallest size is reached.
    private func setText(
        _ value: String, spec: TemplateElement.Text, rasterizer: TextRasterizer, element: Int, role: SetTextMemo.Role
    ) throws(LabelError) -> PlacedText {
        let key = SetTextMemo.Key(element: element, role: role, value: value)
        if let known = setTexts[key] { return known }
        let placed = try setTextUncached(value, spec: spec, rasterizer: rasterizer)
        setTexts[key] = placed
        return placed
    }

    private func setTextUncached(_ value: String, spec: TemplateElement.Text, rasterizer: TextRasterizer) throws(LabelError) -> PlacedText {
        var fontHeight = max(1, device.dots(spec.size))
        let smallest = spec.fit == .shrink ? min(fontHeight, max(1, device.dots(Self.smallestShrunkText))) : fontHeight
        let boxWidth = spec.width.map(device.dots)
        // The box keeps the line pitch of the size the template asked for, so shrunk text
        // stays inside the area lint checked.
        let lineHeight = try metrics(rasterizer, "", fontHeight).height
        while true {
            let lines: [String]
            if let boxWidth {
                lines = try wrap(rasterizer, value, fontHeight, boxWidth)
            } else {
                lines = value.isEmpty ? [] : value.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            }
            var widths: [Int] = []
            for line in lines { widths.append(try metrics(rasterizer, line, fontHeight).width) }
            let widest = widths.max() ?? 0
            let pitch = spec.fit == .shrink ? try metrics(rasterizer, "", fontHeight).height : lineHeight
            let fitsLines = lines.count * pitch <= spec.lines * lineHeight
            let fitsWidth = boxWidth.map { widest <= $0 } ?? true
            if (fitsLines && fitsWidth) || fontHeight <= smallest {
                var overflow: String?
                if !fitsLines {
                    overflow = "text needs \(lines.count) lines at \(fontHeight) dots; the box has \(spec.lines)"
                } else if !fitsWidth, let boxWidth {
                    overflow = "a line is \(widest) dots wide; the box is \(boxWidth)"
                }
                if overflow != nil, spec.fit == .shrink { overflow! += ", even shrunk to \(fontHeight) dots" }
                return PlacedText(
                    lines: lines, fontHeight: fontHeight, lineHeight: pitch,
                    boxWidth: boxWidth ?? widest, alignment: spec.alignment, quarterTurns: spec.quarterTurns,
                    lineWidths: widths, missingCharacters: rasterizer.missingCharacters(in: value), overflow: overflow)
            }
            fontHeight -= 1
        }
    }

    private func placeSymbol(
        _ spec: TemplateElement.Symbol, data text: String, x: Int, y: Int, rasterizer: TextRasterizer, element: Int,
        placed: (DotRect, PlacedElement.Content) -> PlacedElement
    ) throws(LabelError) -> [PlacedElement] {
        let data: [UInt8]
        var humanReadable = text
        switch spec.kind {
        case .gs1QR, .gs1_128:
            let elements: GS1ElementString
            do {
                elements = try GS1ElementString(bracketed: text)
            } catch {
                throw LabelError("'\(text)' is not a GS1 element string in bracketed form, e.g. (01)06901234567892(10)L01: \(error)")
            }
            data = Array(elements.symbolData().utf8)
            humanReadable = elements.humanReadable
        default:
            data = Array(text.utf8)
        }
        if spec.kind == .qr || spec.kind == .gs1QR {
            let gs1 = spec.kind == .gs1QR
            guard !data.isEmpty else { throw LabelError("the QR data is empty") }
            guard let version = QRCapacity.version(forBytes: data.count, errorCorrection: spec.errorCorrection, gs1: gs1) else {
                throw LabelError("\(data.count) bytes is too long for any QR symbol at error correction \(spec.errorCorrection.rawValue)")
            }
            let modules = QRCapacity.side(ofVersion: version) + 2 * 4
            let moduleSize = try self.moduleSize(spec.module, modules: modules, version: version)
            let side = modules * moduleSize
            let content = PlacedQR(data: data, gs1: gs1, errorCorrection: spec.errorCorrection, version: version, moduleSize: moduleSize)
            return [placed(DotRect(x: x, y: y, width: side, height: side), .qr(content))]
        }
        let pattern: BarPattern
        do {
            switch spec.kind {
            case .ean13:
                pattern = try EAN13.pattern(for: data)
                humanReadable = String(decoding: try EAN13.completed(data).map { UInt8($0) + 0x30 }, as: UTF8.self)
            case .upca:
                pattern = try UPCA.pattern(for: data)
            default:
                pattern = try Code128.pattern(for: data, gs1: spec.kind == .gs1_128)
            }
        } catch {
            throw LabelError("cannot encode '\(text)' as \(spec.kind.rawValue): \(error)")
        }
        let moduleCount = pattern.leadingQuietZone + pattern.modules.count + pattern.trailingQuietZone
        let moduleSize = try self.moduleSize(spec.module, modules: moduleCount, version: nil)
        let barHeight = max(1, device.dots(spec.barHeight))
        let rect = DotRect(x: x, y: y, width: moduleCount * moduleSize, height: barHeight)
        let symbol = PlacedLinear(kind: spec.kind, data: data, pattern: pattern, moduleSize: moduleSize, barHeight: barHeight)
        var result = [placed(rect, .linear(symbol))]
        if let hriSize = spec.hriSize {
            let hri = TemplateElement.Text(text: try FieldText(parsing: ""), size: hriSize, width: nil, lines: 1, fit: .wrap, alignment: .center, quarterTurns: 0)
            var line = try setText(humanReadable, spec: hri, rasterizer: rasterizer, element: element, role: .humanReadable)
            // Centred under the whole symbol; wider than the symbol is an overflow.
            if line.boxWidth > rect.width { line.overflow = "the human-readable line is \(line.boxWidth) dots wide; the symbol is \(rect.width)" }
            line.boxWidth = rect.width
            result.append(placed(DotRect(x: x, y: rect.maxY, width: rect.width, height: line.lineHeight), .text(line)))
        }
        return result
    }

    /// Whole dots per module: as given, or millimetres rounded down, or the largest that keeps
    /// a QR within its target side.
    private func moduleSize(_ module: TemplateElement.ModuleSize, modules: Int, version: Int?) throws(LabelError) -> Int {
        switch module {
        case .dots(let dots):
            return dots
        case .millimetres(let millimetres):
            let dots = device.dotsRoundedDown(millimetres)
            guard dots >= 1 else {
                throw LabelError("a module of \(millimetres.formatted) mm is less than one dot at \(device.dpi) dpi")
            }
            return dots
        case .fitting(let side):
            let dots = device.dotsRoundedDown(side) / modules
            guard dots >= 1 else {
                throw LabelError("the data needs a version \(version ?? 0) QR (\(modules) modules with its quiet zone), "
                    + "which does not fit \(side.formatted) mm at \(device.dpi) dpi even with 1-dot modules: shorten the data or enlarge size")
            }
            return dots
        }
    }

    private func metrics(_ rasterizer: TextRasterizer, _ text: String, _ height: Int) throws(LabelError) -> TextMetrics {
        do { return try rasterizer.measure(text, height: height) } catch { throw LabelError("cannot measure text at \(height) dots: \(error)") }
    }

    private func wrap(_ rasterizer: TextRasterizer, _ text: String, _ height: Int, _ width: Int) throws(LabelError) -> [String] {
        do { return try rasterizer.wrap(text, height: height, maxWidth: width) } catch { throw LabelError("cannot wrap text at \(height) dots: \(error)") }
    }

    /// A picture scaled to `width` dots (keeping its aspect ratio) and reduced to 1 bit: ink
    /// where the area under a dot averages darker than half.
    static func scaled(_ picture: GrayImage, toWidth width: Int) -> Bitmap {
        let height = max(1, Int((Double(picture.height) * Double(width) / Double(picture.width)).rounded()))
        var bitmap = Bitmap(width: width, height: height)
        for y in 0..<height {
            let y0 = y * picture.height / height, y1 = max(y0 + 1, (y + 1) * picture.height / height)
            for x in 0..<width {
                let x0 = x * picture.width / width, x1 = max(x0 + 1, (x + 1) * picture.width / width)
                var sum = 0
                for sy in y0..<y1 { for sx in x0..<x1 { sum += Int(picture[sx, sy]) } }
                if sum < 128 * (y1 - y0) * (x1 - x0) { bitmap[x, y] = true }
            }
        }
        return bitmap
    }
}
