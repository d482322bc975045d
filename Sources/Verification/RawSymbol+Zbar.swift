internal import CZbar

extension RawSymbol {
    /// A symbol as zbar reported it, copied out of zbar's memory; nil for types we never enable.
    init?(zbar symbol: OpaquePointer) {
        let data = Self.data(of: symbol)
        let isGS1 = zbar_symbol_get_modifiers(symbol) & (1 << ZBAR_MOD_GS1.rawValue) != 0
        var points = Self.points(of: symbol)
        var type = zbar_symbol_get_type(symbol)
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
        guard let symbology = BarcodeSymbology(zbarType: type, data: data, isGS1: isGS1) else { return nil }
        self.init(symbology: symbology, data: data, isGS1: isGS1, points: points, source: .zbar)
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
}
