import Imaging
import ZPL

/// Draws ZPL formats as a printer prints them, into 1-bit bitmaps at the printer's resolution.
///
/// Owns FreeType faces through its text rasterizers, so one renderer belongs to one task.
public final class FormatRenderer {
    /// Dots per millimetre: 8 (203 dpi), 12 (300 dpi) or 24 (600 dpi).
    public let dotsPerMillimetre: Int
    /// The label size used when a format sets no `^PW` or `^LL`.
    public let defaultSize: (width: Int, length: Int)
    let fonts: PrinterFonts
    private var rasterizers: [String: TextRasterizer] = [:]

    /// - Parameter defaultSize: 4 × 6 in at the resolution when `nil`.
    public init(dotsPerMillimetre: Int = 8, defaultSize: (width: Int, length: Int)? = nil, fonts: PrinterFonts) {
        self.dotsPerMillimetre = dotsPerMillimetre
        let inch = Double(dotsPerMillimetre) * 25.4
        self.defaultSize = defaultSize ?? (Int(4 * inch), Int(6 * inch))
        self.fonts = fonts
    }

    /// The format as printed, or `nil` when it prints nothing: it only stores a template
    /// (`^DF`), or it holds no field, such as a settings-only `^XA^MCY^XZ`.
    public func render(_ script: ZPLScript, memory: inout PrinterMemory) -> RenderedFormat? {
        guard let commands = memory.commandsToPrint(script) else { return nil }
        var label = LabelState(renderer: self, memory: memory, fieldNumberData: Self.fieldNumberData(commands))
        for command in commands {
            label.run(command)
        }
        guard label.hasFields, let bitmap = label.canvas else { return nil }
        return RenderedFormat(bitmap: bitmap, quantity: label.quantity, problems: label.problems, symbolAreas: label.symbolAreas)
    }

    /// The data a recalling format gives each `^FN` number: `^FN1^FDAcme^FS`.
    private static func fieldNumberData(_ commands: [ZPLCommand]) -> [Int: [UInt8]] {
        var data: [Int: [UInt8]] = [:]
        var number: Int?
        for command in commands {
            switch command.name {
            case "FN": number = Int(String(decoding: command.parameters, as: UTF8.self).trimmingCharacters(in: [" "]))
            case "FD": if let number { data[number] = command.parameters }
            case "FS": number = nil
            default: break
            }
        }
        return data
    }

    func rasterizer(for location: FontLocation) throws(ImagingError) -> TextRasterizer {
        if let known = rasterizers[location.path] { return known }
        let rasterizer = TextRasterizer(font: try Font(path: location.path, faceIndex: location.faceIndex))
        rasterizers[location.path] = rasterizer
        return rasterizer
    }
}

@available(*, unavailable, message: "a renderer drives FreeType faces, which are not thread-safe: keep one per task")
extension FormatRenderer: Sendable {}
