public import Imaging
import Symbology

extension LabelRenderer {
    /// The label as a 1-bit image at the printer's resolution.
    public func bitmap(_ values: FieldValues) throws(LabelError) -> Bitmap {
        try bitmap(of: layout(values))
    }

    /// The label as a 1-bit PNG at the printer's resolution.
    public func png(_ values: FieldValues) throws(LabelError) -> [UInt8] {
        let image = try bitmap(values)
        do {
            return try PNG.encode(image)
        } catch {
            throw LabelError(file: template.file, "cannot write the PNG: \(error)")
        }
    }

    /// Draws a laid-out label.
    func bitmap(of layout: LabelLayout) throws(LabelError) -> Bitmap {
        var label = Bitmap(width: layout.width, height: layout.height)
        for element in layout.elements {
            do {
                try draw(element, into: &label)
            } catch {
                throw LabelError(file: template.file, line: element.line, element: element.label, error.message)
            }
        }
        return label
    }

    /// One element as the raster and `^GF` fallbacks draw it.
    func draw(_ element: PlacedElement, into label: inout Bitmap) throws(LabelError) {
        let rect = element.rect
        switch element.content {
        case .text(let text):
            if text.quarterTurns == 0 {
                try drawLines(text, into: &label, x: rect.x, y: rect.y)
            } else {
                let turned = text.quarterTurns.isMultiple(of: 2)
                var box = Bitmap(width: turned ? rect.width : rect.height, height: turned ? rect.height : rect.width)
                try drawLines(text, into: &box, x: 0, y: 0)
                label.stamp(box.rotated(by: text.quarterTurns), x: rect.x, y: rect.y)
            }
        case .qr(let qr):
            label.stamp(try symbol(qr), x: rect.x, y: rect.y)
        case .linear(let symbol):
            do {
                label.stamp(try symbol.pattern.bitmap(moduleSize: symbol.moduleSize, barHeight: symbol.barHeight), x: rect.x, y: rect.y)
            } catch {
                throw LabelError("cannot draw the symbol: \(error)")
            }
        case .box(let thickness):
            label.fill(x: rect.x, y: rect.y, width: rect.width, height: thickness)
            label.fill(x: rect.x, y: rect.maxY - thickness, width: rect.width, height: thickness)
            label.fill(x: rect.x, y: rect.y, width: thickness, height: rect.height)
            label.fill(x: rect.maxX - thickness, y: rect.y, width: thickness, height: rect.height)
        case .rule:
            label.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        case .image(let picture):
            label.stamp(picture, x: rect.x, y: rect.y)
        }
    }

    /// The QR with its quiet zone, encoded at exactly the version layout reserved.
    private func symbol(_ qr: PlacedQR) throws(LabelError) -> Bitmap {
        do {
            let options = QROptions(errorCorrection: qr.errorCorrection, minimumVersion: qr.version)
            let matrix = try QRCode.matrix(for: qr.data, options: options, gs1: qr.gs1)
            guard matrix.version == qr.version else {
                throw LabelError("the encoder chose QR version \(matrix.version), layout reserved version \(qr.version)")
            }
            return try matrix.bitmap(moduleSize: qr.moduleSize)
        } catch let error as LabelError {
            throw error
        } catch {
            throw LabelError("cannot encode the QR: \(error)")
        }
    }

    /// Each line in its line box, aligned within the text box.
    private func drawLines(_ text: PlacedText, into bitmap: inout Bitmap, x: Int, y: Int) throws(LabelError) {
        for (number, line) in text.lines.enumerated() {
            let offset = switch text.alignment {
            case .left: 0
            case .center: (text.boxWidth - text.lineWidths[number]) / 2
            case .right: text.boxWidth - text.lineWidths[number]
            }
            do {
                try self.text.draw(line, height: text.fontHeight, into: &bitmap, x: x + offset, y: y + number * text.lineHeight)
            } catch {
                throw LabelError("cannot draw '\(line)': \(error)")
            }
        }
    }
}
