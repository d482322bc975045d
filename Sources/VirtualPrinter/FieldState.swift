import Imaging

/// A ZPL orientation as quarter turns clockwise: N 0, R 1, I 2, B 3.
struct Orientation: Sendable, Equatable {
    var quarterTurns: Int

    static let normal = Orientation(quarterTurns: 0)

    init(quarterTurns: Int) { self.quarterTurns = quarterTurns }

    init?(_ letter: String) {
        switch letter.uppercased().first {
        case "N": quarterTurns = 0
        case "R": quarterTurns = 1
        case "I": quarterTurns = 2
        case "B": quarterTurns = 3
        default: return nil
        }
    }
}

/// A font choice: the ZPL font letter (`0`, `A`…`H`, or a `^CW` letter) with its size in dots.
struct FontChoice: Sendable, Equatable {
    var letter: Character
    var height: Int
    var width: Int
}

/// What one field (from `^FO`/`^FT` to `^FS`) is.
enum FieldKind: Sendable {
    case text
    case code128(height: Int?, line: Bool, above: Bool, mode: ZPLCode128.Mode)
    case ean13(height: Int?, line: Bool, above: Bool)
    case code39(height: Int?, line: Bool, above: Bool)
    case qrCode(magnification: Int)
    case box(width: Int, height: Int, thickness: Int, white: Bool, rounding: Int)
    case graphic(Bitmap)
}

/// The field being built, reset by `^FS`.
struct FieldState: Sendable {
    var x = 0, y = 0
    var hasOrigin = false
    var isBaseline = false
    var rightAligned = false
    var font: FontChoice?
    var orientation: Orientation?
    var kind = FieldKind.text
    var reverse = false
    var hexIndicator: UInt8?
    var block: (width: Int, lines: Int, spacing: Int, justification: Character)?
    var number: Int?
    var data: [UInt8]?
}
