import Imaging
import Symbology
import ZPL

extension LabelState {
    /// Draws the field `^FS` ends. A `^FN` field without an origin only gives data to a
    /// recalled template; other fields without data draw nothing.
    mutating func drawField() {
        if field.number != nil && !field.hasOrigin { return }
        var data = field.data ?? field.number.flatMap { fieldNumberData[$0] }
        if let indicator = field.hexIndicator, let raw = data {
            data = Self.unescape(raw, indicator: indicator)
        }
        var orientation = field.orientation ?? defaultOrientation
        var mode: Bitmap.PaintMode = field.reverse ? .reverse : .ink
        let image: FieldImage
        do {
            switch field.kind {
            case let .box(width, height, thickness, white, rounding):
                image = FieldImage(Self.box(width: width, height: height, thickness: thickness, rounding: rounding))
                if white && !field.reverse { mode = .erase }
                orientation = .normal
            case let .graphic(bitmap):
                image = FieldImage(bitmap)
                orientation = .normal
            case .text:
                guard let data else { return }
                image = try textImage(encoding.decode(data), font: field.font ?? defaultFont, block: field.block)
            case let .qrCode(magnification):
                guard let data, !data.isEmpty else { return }
                image = try qrImage(data, magnification: magnification)
                orientation = .normal
            case let .code128(height, line, above, codeMode):
                guard let data, !data.isEmpty else { return }
                let symbol = try ZPLCode128.symbol(data, mode: codeMode)
                image = try linearImage(symbol.pattern.modules, height: height, text: line ? symbol.text : nil, above: above)
            case let .ean13(height, line, above):
                guard let data, !data.isEmpty else { return }
                let digits = Array(data.filter { (0x30...0x39).contains($0) }.prefix(12))
                let pattern = try EAN13.pattern(for: digits)
                let text = try EAN13.completed(digits).map(String.init).joined()
                image = try linearImage(pattern.modules, height: height, text: line ? text : nil, above: above)
            case let .code39(height, line, above):
                guard let data, !data.isEmpty else { return }
                let modules = Code39.modules(data, ratio: max(2, Int(bar.ratio.rounded())))
                image = try linearImage(modules, height: height, text: line ? "*\(String(decoding: data, as: UTF8.self))*" : nil, above: above)
            }
        } catch {
            problems.append("field at \(field.x),\(field.y): \(error)")
            return
        }
        let area = place(image, orientation: orientation, mode: mode)
        switch field.kind {
        case .qrCode, .code128, .ean13, .code39: symbolAreas.append(area)
        case .box, .graphic, .text: break
        }
        hasFields = true
    }

    /// Draws the field and returns where it landed.
    private mutating func place(_ image: FieldImage, orientation: Orientation, mode: Bitmap.PaintMode) -> DotRect {
        ensureCanvas()
        let turns = (orientation.quarterTurns % 4 + 4) % 4
        let (w, h) = (image.bitmap.width, image.bitmap.height)
        var left: Int, top: Int
        if field.isBaseline {
            let (px, py) = image.baselinePoint
            let mapped = [(px, py), (h - 1 - py, px), (w - 1 - px, h - 1 - py), (py, w - 1 - px)][turns]
            left = field.x - mapped.0
            top = field.y - mapped.1
        } else {
            let a = image.anchor
            let corners = [(a.x, a.y), (a.x + a.width, a.y + a.height)].map { x, y in
                [(x, y), (h - y, x), (w - x, h - y), (y, w - x)][turns]
            }
            left = field.x - min(corners[0].0, corners[1].0)
            top = field.y - min(corners[0].1, corners[1].1)
            if field.rightAligned && turns == 0 { left -= a.width }
        }
        let turned = image.bitmap.rotated(by: turns)
        canvas!.draw(turned, x: left, y: top, mode: mode)
        return DotRect(x: left, y: top, width: turned.width, height: turned.height)
    }

    /// `^FH` field data: each indicator and two hex digits become one byte.
    static func unescape(_ data: [UInt8], indicator: UInt8) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < data.count {
            if data[index] == indicator, index + 2 < data.count,
               let value = UInt8(String(decoding: data[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                result.append(value)
                index += 3
            } else {
                result.append(data[index])
                index += 1
            }
        }
        return result
    }

    /// A `^GB` box: a border `thickness` dots wide, corners rounded by `rounding` eighths of
    /// half the shorter side.
    static func box(width: Int, height: Int, thickness: Int, rounding: Int) -> Bitmap {
        var bitmap = Bitmap(width: width, height: height)
        let radius = Double(rounding * min(width, height)) / 16
        let innerRadius = max(0, radius - Double(thickness))
        for row in 0..<height {
            let outer = span(row: row, width: width, height: height, radius: radius)
            bitmap.fill(x: outer.0, y: row, width: outer.1 - outer.0, height: 1)
            let innerRow = row - thickness
            if innerRow >= 0 && innerRow < height - 2 * thickness && width > 2 * thickness {
                let inner = span(row: innerRow, width: width - 2 * thickness, height: height - 2 * thickness, radius: innerRadius)
                for x in (thickness + inner.0)..<(thickness + inner.1) { bitmap[x, row] = false }
            }
        }
        return bitmap
    }

    private static func span(row: Int, width: Int, height: Int, radius: Double) -> (Int, Int) {
        guard radius > 0 else { return (0, width) }
        let centre = Double(row) + 0.5
        let dy = centre < radius ? radius - centre : centre > Double(height) - radius ? centre - (Double(height) - radius) : 0
        let inset = Int((radius - (radius * radius - min(dy * dy, radius * radius)).squareRoot()).rounded())
        return (min(inset, width / 2), max(width - inset, width / 2))
    }
}
