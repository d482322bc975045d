internal import CZbar

/// A symbol as zbar reported it, copied out of zbar's memory.
struct RawSymbol {
    var type: zbar_symbol_type_t
    var data: [UInt8]
    var isGS1: Bool
    var points: [DecodedSymbol.Point]

    init(_ symbol: OpaquePointer) {
        data = Self.data(of: symbol)
        isGS1 = zbar_symbol_get_modifiers(symbol) & (1 << ZBAR_MOD_GS1.rawValue) != 0
        points = Self.points(of: symbol)
        type = zbar_symbol_get_type(symbol)
        // A composite is a main EAN/UPC symbol plus its add-on; it reads as the main one
        // with the add-on's digits appended, which is the data zbar gives it.
        // zbar gives a composite no outline of its own, so it takes its components'.
        if type == ZBAR_COMPOSITE, let components = zbar_symbol_get_components(symbol),
           let main = zbar_symbol_set_first_symbol(components) {
            type = zbar_symbol_get_type(main)
            if points.isEmpty {
                var component: OpaquePointer? = main
                while let current = component {
                    points += Self.points(of: current)
                    component = zbar_symbol_next(current)
                }
            }
        }
    }

    var isQR: Bool { type == ZBAR_QRCODE }

    /// This read with its points multiplied by `scale` and moved by (`dx`, `dy`): from a
    /// scanned copy's pixels to the caller's.
    func mapped(scale: Double = 1, dx: Int = 0, dy: Int = 0) -> RawSymbol {
        var symbol = self
        symbol.points = points.map {
            DecodedSymbol.Point(x: Int((Double($0.x) * scale).rounded()) + dx, y: Int((Double($0.y) * scale).rounded()) + dy)
        }
        return symbol
    }

    private static func points(of symbol: OpaquePointer) -> [DecodedSymbol.Point] {
        (0..<zbar_symbol_get_loc_size(symbol)).map {
            DecodedSymbol.Point(x: Int(zbar_symbol_get_loc_x(symbol, $0)), y: Int(zbar_symbol_get_loc_y(symbol, $0)))
        }
    }

    private static func data(of symbol: OpaquePointer) -> [UInt8] {
        let count = Int(zbar_symbol_get_data_length(symbol))
        guard count > 0, let data = zbar_symbol_get_data(symbol) else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: count) { Array(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// The public form of this symbol, or nil when its symbology was not asked for.
    func symbol(decodeTime: Duration, asked: Set<BarcodeSymbology>) -> DecodedSymbol? {
        guard let symbology = BarcodeSymbology(zbarType: type, data: data, isGS1: isGS1),
              symbology.isIncluded(in: asked) else { return nil }
        return DecodedSymbol(
            symbology: symbology, bytes: data, text: TextDecoding.decode(data).text,
            isGS1: isGS1, position: isQR ? points : Self.boundingBox(of: points), decodeTime: decodeTime
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
