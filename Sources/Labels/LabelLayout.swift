public import Imaging
public import Symbology

/// One label laid out in printer dots: the single description both the raster and the ZPL
/// renderer read, so the PNG and the printed label cannot drift apart.
public struct LabelLayout: Sendable, Equatable {
    /// Label size in dots.
    public var width: Int
    public var height: Int
    public var dotsPerMillimetre: Int
    public var elements: [PlacedElement]
}

/// One element placed on the label.
public struct PlacedElement: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case text(PlacedText)
        case qr(PlacedQR)
        case linear(PlacedLinear)
        /// An outline `thickness` dots wide around `rect`.
        case box(thickness: Int)
        /// `rect` filled with ink.
        case rule
        /// A 1-bit picture the size of `rect`.
        case image(Bitmap)
    }

    /// The template element it comes from (a symbol's human-readable line shares its index).
    public var index: Int
    /// `element <index> (<id or type>)`, for findings.
    public var label: String
    public var line: Int?
    /// Every dot the element needs, quiet zones included.
    public var rect: DotRect
    public var content: Content
}

/// Text broken into lines at a font size, in its own unrotated frame.
public struct PlacedText: Sendable, Equatable {
    public var lines: [String]
    /// Em size in dots: the `h` of `^A` and the pixel size FreeType draws.
    public var fontHeight: Int
    /// Distance from one baseline to the next.
    public var lineHeight: Int
    /// Width of the text box before rotation (the `^FB` width).
    public var boxWidth: Int
    public var alignment: TemplateElement.Alignment
    public var quarterTurns: Int
    /// Each line's width in dots, as the raster font measures it.
    public var lineWidths: [Int]
    /// Characters the font has no glyph for.
    public var missingCharacters: [Unicode.Scalar]
    /// Lines that did not fit the box's width or line count (empty when it fits).
    public var overflow: String?

    /// Whether every character is printable ASCII, which the printer's built-in font draws.
    public var isASCII: Bool { lines.allSatisfy { $0.utf8.allSatisfy { (0x20..<0x7F).contains($0) } } }
}

/// A QR symbol of a known version; `rect` includes the 4-module quiet zone.
public struct PlacedQR: Sendable, Equatable {
    public var data: [UInt8]
    public var gs1: Bool
    public var errorCorrection: QRErrorCorrection
    public var version: Int
    public var moduleSize: Int

    /// Dots from `rect`'s corner to the symbol's first module.
    public var quietZone: Int { 4 * moduleSize }
}

/// A linear symbol; `rect` includes its quiet zones and spans the bar height.
public struct PlacedLinear: Sendable, Equatable {
    public var kind: SymbologyKind
    /// Symbol data: ASCII, with GS (0x1D) for FNC1 in GS1-128; EAN/UPC digits.
    public var data: [UInt8]
    public var pattern: BarPattern
    public var moduleSize: Int
    public var barHeight: Int

    /// Dots from `rect`'s left edge to the first bar.
    public var leadingQuietZone: Int { pattern.leadingQuietZone * moduleSize }
}
