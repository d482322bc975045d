/// One read of one decoder in one scanned copy, before the misread guard has judged it.
struct RawSymbol {
    /// Which decoder read it: two different decoders agreeing is stronger evidence than one.
    enum Source: Equatable {
        case zbar, zxing
        /// Our own EAN/UPC scan-line reader (`ScanlineEANReader`), tried when both libraries fail.
        case scanline
    }

    var symbology: BarcodeSymbology
    var data: [UInt8]
    var isGS1: Bool
    var points: [DecodedSymbol.Point]
    var source: Source
    /// The text under the symbol's ECI, when it declares one and the decoder applied it.
    var eciText: String? = nil
    /// A QR symbol's error-correction level ("L", "M", "Q", "H") when the decoder reports it.
    var errorCorrectionLevel: String? = nil

    var isQR: Bool { symbology == .qr }

    /// This read with its points multiplied by `scale` and moved by (`dx`, `dy`): from a
    /// scanned copy's pixels to the caller's.
    func mapped(scale: Double = 1, dx: Int = 0, dy: Int = 0) -> RawSymbol {
        var symbol = self
        symbol.points = points.map {
            DecodedSymbol.Point(x: Int((Double($0.x) * scale).rounded()) + dx, y: Int((Double($0.y) * scale).rounded()) + dy)
        }
        return symbol
    }

    /// The public form of this symbol, or nil when its symbology was not asked for.
    func symbol(decodeTime: Duration, asked: Set<BarcodeSymbology>) -> DecodedSymbol? {
        guard symbology.isIncluded(in: asked) else { return nil }
        return DecodedSymbol(
            symbology: symbology, bytes: data, text: eciText ?? TextDecoding.decode(data).text,
            isGS1: isGS1, position: isQR ? points : Self.boundingBox(of: points), decodeTime: decodeTime,
            errorCorrectionLevel: errorCorrectionLevel
        )
    }

    /// The corners of the rectangle around `points`, clockwise from the top left: a linear
    /// symbol's outline, where zbar gives one point per scan line that crossed it.
    private static func boundingBox(of points: [DecodedSymbol.Point]) -> [DecodedSymbol.Point] {
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { return [] }
        return [.init(x: minX, y: minY), .init(x: maxX, y: minY), .init(x: maxX, y: maxY), .init(x: minX, y: maxY)]
    }
}
