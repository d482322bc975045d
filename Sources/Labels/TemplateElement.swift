public import Imaging
public import Symbology

/// One element of a template, placed by its top-left corner in mm.
public struct TemplateElement: Sendable {
    public enum Alignment: String, Sendable, CaseIterable {
        case left, center, right
    }

    /// What a text too long for its box does.
    public enum Fit: String, Sendable, CaseIterable {
        /// Break into lines at the box width, up to `lines` lines.
        case wrap
        /// Break into lines like `wrap`, then make the text smaller until it fits.
        case shrink
    }

    public struct Text: Sendable {
        public var text: FieldText
        /// Character height in mm (the em size, as `^A` takes it).
        public var size: Double
        /// Box width in mm; `nil` lets a single line run as long as it is.
        public var width: Double?
        public var lines: Int
        public var fit: Fit
        public var alignment: Alignment
        /// Clockwise quarter turns: 0, 1, 2 or 3 (0°, 90°, 180°, 270°).
        public var quarterTurns: Int
    }

    /// A symbol's module (narrowest bar or QR cell): whole dots, a width in mm rounded down
    /// to whole dots, or for QR a target side in mm that the largest whole module fills.
    public enum ModuleSize: Sendable, Equatable {
        case dots(Int)
        case millimetres(Double)
        case fitting(Double)
    }

    public struct Symbol: Sendable {
        public var kind: SymbologyKind
        /// For GS1-128 and GS1 QR, the bracketed element string, e.g. `(01){{product.gtin}}(10){{batch.lot}}`.
        public var data: FieldText
        public var module: ModuleSize
        public var errorCorrection: QRErrorCorrection
        /// Bar height in mm (linear symbols).
        public var barHeight: Double
        /// Human-readable line under a linear symbol, `nil` for none: its character height in mm.
        public var hriSize: Double?
    }

    public enum Kind: Sendable {
        case text(Text)
        case symbol(Symbol)
        /// A rectangle outline `thickness` mm wide; boxes may surround other elements.
        case box(width: Double, height: Double, thickness: Double)
        /// A horizontal or vertical rule: a filled box one of whose sides is its thickness.
        case line(width: Double, height: Double)
        /// A picture reduced to 1 bit (dark where the gray is under half), scaled to `width` mm.
        case image(Image)
    }

    public struct Image: Sendable {
        /// As written in the template; read relative to the template's folder.
        public var file: String
        public var width: Double
        /// The picture as 8-bit gray, read when the template is loaded.
        public var picture: GrayImage
    }

    /// Position in the template's list, from 0.
    public var index: Int
    public var id: String?
    /// The line of the element in the template file.
    public var line: Int?
    public var x: Double
    public var y: Double
    public var kind: Kind

    /// The element as errors and lint findings name it: `element 3 (lot)` or `element 3 (qr)`.
    public var label: String { "element \(index) (\(id ?? kindName))" }

    public var kindName: String {
        switch kind {
        case .text: "text"
        case .symbol(let symbol): symbol.kind.rawValue
        case .box: "box"
        case .line: "line"
        case .image: "image"
        }
    }

    /// The texts with placeholders this element holds.
    var fieldTexts: [FieldText] {
        switch kind {
        case .text(let text): [text.text]
        case .symbol(let symbol): [symbol.data]
        case .box, .line, .image: []
        }
    }
}
