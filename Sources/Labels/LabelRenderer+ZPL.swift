public import ZPL
import Imaging
import Symbology

extension LabelRenderer {
    /// The label as one ZPL II format, `^XA^CI28^PW…^LL…^LH0,0 … ^PQ1^XZ`, from the same layout
    /// as the PNG. One format per label and no `^SN`: the station owns every serial.
    ///
    /// `native` mode uses the printer's commands: `^BQ` (byte mode, so the printer picks the
    /// version layout reserved), `^BC` with FNC1, `^BE`, `^GB`, and `^FB` blocks in `^A0` for
    /// ASCII text or `^A@` with the profile's CJK font. The lines are broken by the station
    /// and joined with `\&`, so they break where the PNG breaks. What the printer cannot draw
    /// exactly goes as a `^GF` graphic of the station's own raster of that element: Chinese
    /// text on a printer without a CJK font, GS1 QR (no `^BQ` form for FNC1), UPC-A, text under
    /// 10 dots, modules over 10 dots, pictures. `bitmap` mode sends the whole label as one `^GF` (in bands when it exceeds
    /// a `^GF`'s 99,999 bytes).
    ///
    /// Every field goes through `^FH` escaping (`ZPLFormat`), so no value can inject a command.
    public func zpl(_ values: FieldValues) throws(LabelError) -> ZPLFormat {
        try zpl(of: layout(values))
    }

    /// The format of a laid-out label, whatever lint thought of it: a caller that needs the
    /// layout as well (a line reads the expected symbol from it) lays a label out only once.
    public func zpl(of layout: LabelLayout) throws(LabelError) -> ZPLFormat {
        var format = try zplBase()
        do {
            switch device.zplMode {
            case .bitmap:
                try addBands(of: bitmap(of: layout), to: &format)
            case .native:
                for element in layout.elements where !plan.isFixed(element.index) {
                    try add(element, to: &format)
                }
            }
        } catch let error as LabelError {
            throw error
        } catch {
            throw LabelError(file: template.file, "cannot write the ZPL: \(error)")
        }
        return format
    }

    /// The format's start and, in native mode, every element that is the same on every label,
    /// so each label only adds its own fields.
    private func zplBase() throws(LabelError) -> ZPLFormat {
        if let zplFixed { return zplFixed }
        var format: ZPLFormat
        do {
            format = try ZPLFormat(width: plan.width, length: plan.height, printSpeed: device.speed)
        } catch {
            throw LabelError(file: template.file, "cannot start a ZPL format: \(error)")
        }
        if device.zplMode == .native {
            for element in plan.fixedElements { try add(element, to: &format) }
        }
        zplFixed = format
        return format
    }

    /// One element in printer commands, or as a graphic when the commands cannot draw it exactly.
    private func add(_ element: PlacedElement, to format: inout ZPLFormat) throws(LabelError) {
        do {
            if try !addNative(element, to: &format) {
                try addGraphic(element, to: &format)
            }
        } catch let error as LabelError {
            throw error
        } catch {
            throw LabelError(file: template.file, line: element.line, element: element.label, "cannot write the ZPL: \(error)")
        }
    }

    /// Adds `element` with the printer's own commands; false when they cannot draw it exactly.
    private func addNative(_ element: PlacedElement, to format: inout ZPLFormat) throws -> Bool {
        let rect = element.rect
        let origin = ZPLFieldPosition.origin(x: rect.x, y: rect.y)
        switch element.content {
        case .text(let text):
            guard !text.lines.isEmpty else { return true }
            guard text.fontHeight >= 10 else { return false }
            let font: ZPLFont
            if text.isASCII {
                font = .scalable(height: text.fontHeight, width: text.fontHeight)
            } else if let cjkFont = device.cjkFont {
                font = .file(path: cjkFont, height: text.fontHeight, width: text.fontHeight)
            } else {
                return false
            }
            let block = ZPLTextBlock(
                width: text.boxWidth, maxLines: text.lines.count, lineSpacing: text.lineHeight - text.fontHeight,
                justification: text.alignment.zpl)
            try format.textBlock(text.lines, at: origin, font: font, block: block, orientation: ZPLOrientation(degrees: text.quarterTurns * 90)!)
        case .qr(let qr):
            guard !qr.gs1, qr.moduleSize <= 10 else { return false }
            try format.qrCode(
                String(decoding: qr.data, as: UTF8.self), at: .origin(x: rect.x + qr.quietZone, y: rect.y + qr.quietZone),
                magnification: qr.moduleSize, errorCorrection: qr.errorCorrection.zpl, input: .byteMode)
        case .linear(let symbol):
            guard symbol.moduleSize <= 10 else { return false }
            let bars = ZPLFieldPosition.origin(x: rect.x + symbol.leadingQuietZone, y: rect.y)
            let data = String(decoding: symbol.data, as: UTF8.self)
            switch symbol.kind {
            case .code128:
                try format.code128(data, at: bars, height: symbol.barHeight, moduleWidth: symbol.moduleSize, interpretationLine: .none)
            case .gs1_128:
                try format.gs1Code128(symbolData: data, at: bars, height: symbol.barHeight, moduleWidth: symbol.moduleSize, interpretationLine: .none)
            case .ean13:
                try format.ean13(String(data.prefix(12)), at: bars, height: symbol.barHeight, moduleWidth: symbol.moduleSize, interpretationLine: .none)
            default:
                return false
            }
        case .box(let thickness):
            try format.box(at: origin, width: rect.width, height: rect.height, thickness: min(thickness, rect.width, rect.height))
        case .rule:
            try format.box(at: origin, width: rect.width, height: rect.height, thickness: min(rect.width, rect.height))
        case .image:
            return false
        }
        return true
    }

    /// ZPL's largest graphic field, in bytes (`^GF` counts go up to 99,999).
    static let graphicFieldLimit = 99_999

    /// A whole label as one `^GF`, or, when it holds more bytes than a `^GF` can (a 100 × 60 mm
    /// label at 300 dpi), as bands of whole rows stacked without a gap.
    private func addBands(of label: Bitmap, to format: inout ZPLFormat) throws {
        let rowsPerBand = Self.graphicFieldLimit / label.bytesPerRow
        for top in stride(from: 0, to: label.height, by: rowsPerBand) {
            let rows = min(rowsPerBand, label.height - top)
            let band = Array(label.bits[top * label.bytesPerRow..<(top + rows) * label.bytesPerRow])
            try format.graphicField(band, bytesPerRow: label.bytesPerRow, rows: rows, at: .origin(x: 0, y: top))
        }
    }

    /// `element` as a `^GF` of exactly the dots the PNG has for it.
    private func addGraphic(_ element: PlacedElement, to format: inout ZPLFormat) throws {
        var local = element
        local.rect.x = 0
        local.rect.y = 0
        var picture = Bitmap(width: element.rect.width, height: element.rect.height)
        try draw(local, into: &picture)
        try format.graphicField(picture.bits, bytesPerRow: picture.bytesPerRow, rows: picture.height, at: .origin(x: element.rect.x, y: element.rect.y))
    }
}

extension TemplateElement.Alignment {
    var zpl: ZPLTextBlock.Justification {
        switch self {
        case .left: .left
        case .center: .center
        case .right: .right
        }
    }
}

extension QRErrorCorrection {
    var zpl: ZPLQRErrorCorrection {
        switch self {
        case .l: .low
        case .m: .medium
        case .q: .quartile
        case .h: .high
        }
    }
}
