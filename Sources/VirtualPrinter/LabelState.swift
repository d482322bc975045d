import Imaging
import ZPL

/// The state of one format while its commands run: the label so far, the sticky settings
/// (`^LH`, `^BY`, `^CF`, `^FW`, `^CI`) and the field being built.
struct LabelState {
    let renderer: FormatRenderer
    let memory: PrinterMemory
    let fieldNumberData: [Int: [UInt8]]
    var canvas: Bitmap?
    var hasFields = false
    var quantity = 1
    var problems: [String] = []
    /// Where the barcodes and QR codes were drawn, for a fault that damages them.
    var symbolAreas: [DotRect] = []

    var width: Int?
    var length: Int?
    var home = (x: 0, y: 0)
    var encoding = FieldEncoding.codePage850
    var defaultOrientation = Orientation.normal
    var defaultFont = FontChoice(letter: "A", height: 9, width: 5)
    var fontAliases: [Character: String] = [:]
    var bar = (module: 2, ratio: 3.0, height: 10)
    var field = FieldState()

    init(renderer: FormatRenderer, memory: PrinterMemory, fieldNumberData: [Int: [UInt8]]) {
        self.renderer = renderer
        self.memory = memory
        self.fieldNumberData = fieldNumberData
    }

    mutating func run(_ command: ZPLCommand) {
        let arguments = command.arguments
        let int = { (index: Int) -> Int? in index < arguments.count ? Int(arguments[index]) : nil }
        let text = { (index: Int) -> String in index < arguments.count ? arguments[index] : "" }
        let flag = { (index: Int, fallback: Bool) -> Bool in
            index < arguments.count && !arguments[index].isEmpty ? arguments[index].uppercased() == "Y" : fallback
        }
        switch command.name {
        case "PW": width = int(0).map { min(max($0, 2), 32000) } ?? width
        case "LL": length = int(0).map { min(max($0, 1), 32000) } ?? length
        case "LH": home = (int(0) ?? home.x, int(1) ?? home.y)
        case "CI": encoding = FieldEncoding(ci: int(0) ?? 0)
        case "FW": defaultOrientation = Orientation(text(0)) ?? defaultOrientation
        case "PQ": quantity = RenderedFormat.quantity(command)
        case "BY":
            bar.module = int(0).map { min(max($0, 1), 10) } ?? bar.module
            bar.ratio = Double(text(1)).map { min(max($0, 2), 3) } ?? bar.ratio
            bar.height = int(2).map { min(max($0, 1), 32000) } ?? bar.height
        case "CF":
            let letter = text(0).first ?? defaultFont.letter
            defaultFont = font(letter, height: int(1), width: int(2), current: defaultFont)
        case "CW":
            if let letter = text(0).first { fontAliases[letter] = text(1) }
        case "A":
            let letter = Character(Unicode.Scalar(command.parameters.first ?? UInt8(ascii: "0")))
            let orientationLetter = String(text(0).dropFirst())
            field.orientation = Orientation(orientationLetter) ?? field.orientation
            field.font = font(letter, height: int(1), width: int(2), current: defaultFont)
        case "A@":
            field.orientation = Orientation(text(0)) ?? field.orientation
            let height = int(1) ?? int(2) ?? defaultFont.height
            field.font = FontChoice(letter: "@", height: height, width: int(2) ?? height)
        case "FO", "FT":
            field.x = (int(0) ?? 0) + home.x
            field.y = (int(1) ?? 0) + home.y
            field.hasOrigin = true
            field.isBaseline = command.name == "FT"
            field.rightAligned = int(2) == 1
        case "FR": field.reverse = true
        case "FH": field.hexIndicator = command.parameters.first ?? UInt8(ascii: "_")
        case "FN": field.number = int(0)
        case "FB":
            let justification = text(3).uppercased().first ?? "L"
            field.block = (int(0) ?? 0, max(1, int(1) ?? 1), int(2) ?? 0, justification)
        case "FD", "FV": field.data = command.parameters
        case "BC":
            field.orientation = Orientation(text(0)) ?? field.orientation
            field.kind = .code128(height: int(1), line: flag(2, true), above: flag(3, false), mode: ZPLCode128.Mode(text(5).uppercased()))
        case "BE":
            field.orientation = Orientation(text(0)) ?? field.orientation
            field.kind = .ean13(height: int(1), line: flag(2, true), above: flag(3, false))
        case "B3":
            field.orientation = Orientation(text(0)) ?? field.orientation
            field.kind = .code39(height: int(2), line: flag(3, true), above: flag(4, false))
        case "BQ":
            field.kind = .qrCode(magnification: min(max(int(2) ?? (renderer.dotsPerMillimetre >= 12 ? 3 : 2), 1), 100))
        case "GB":
            let thickness = max(int(2) ?? 1, 1)
            field.kind = .box(width: max(int(0) ?? thickness, thickness), height: max(int(1) ?? thickness, thickness),
                              thickness: thickness, white: text(3).uppercased() == "W", rounding: min(max(int(4) ?? 0, 0), 8))
        case "GF":
            graphicField(command)
        case "XG":
            let name = PrinterMemory.key(text(0), defaultExtension: "GRF")
            if let graphic = memory.graphics[name] {
                field.kind = .graphic(graphic.magnified(by: (min(max(int(1) ?? 1, 1), 10), min(max(int(2) ?? 1, 1), 10))))
            } else {
                problems.append("^XG \(name): no such graphic is stored; download it with ~DG first")
            }
        case "FS":
            drawField()
            field = FieldState()
        default:
            // Media, print-mode and other settings do not change the image.
            break
        }
    }

    /// A font choice: a missing height or width follows the other for font 0, and the
    /// bitmap fonts keep their cell's proportions.
    private func font(_ letter: Character, height: Int?, width: Int?, current: FontChoice) -> FontChoice {
        let letter = Character(letter.uppercased())
        let base = Self.bitmapFontCells[letter]
        switch (height, width) {
        case let (height?, width?): return FontChoice(letter: letter, height: max(height, 1), width: max(width, 1))
        case let (height?, nil):
            let width = base.map { $0.width * max(1, height / $0.height) } ?? height
            return FontChoice(letter: letter, height: max(height, 1), width: width)
        case let (nil, width?):
            let height = base.map { $0.height * max(1, width / $0.width) } ?? width
            return FontChoice(letter: letter, height: height, width: max(width, 1))
        case (nil, nil):
            if let base { return FontChoice(letter: letter, height: base.height, width: base.width) }
            return FontChoice(letter: letter, height: current.height, width: current.width)
        }
    }

    /// Cell sizes in dots of the bitmap fonts A–H at 8 dots/mm.
    static let bitmapFontCells: [Character: (height: Int, width: Int)] = [
        "A": (9, 5), "B": (11, 7), "C": (18, 10), "D": (18, 10), "E": (28, 15), "F": (26, 13), "G": (60, 40), "H": (21, 13),
    ]

    private mutating func graphicField(_ command: ZPLCommand) {
        let parts = command.parameters.split(separator: UInt8(ascii: ","), maxSplits: 4, omittingEmptySubsequences: false)
        let number = { (index: Int) in index < parts.count ? Int(String(decoding: parts[index], as: UTF8.self).trimmingCharacters(in: [" "])) : nil }
        guard parts.count == 5, let total = number(2), let rowBytes = number(3) else {
            problems.append("^GF: expected ^GFa,b,c,d,data")
            return
        }
        do {
            field.kind = .graphic(try GraphicData.bitmap(Array(parts[4]), totalBytes: total, bytesPerRow: rowBytes, subject: "^GF"))
        } catch {
            problems.append(error.description)
        }
    }

    mutating func ensureCanvas() {
        if canvas == nil {
            canvas = Bitmap(width: width ?? renderer.defaultSize.width, height: length ?? renderer.defaultSize.length)
        }
    }
}
