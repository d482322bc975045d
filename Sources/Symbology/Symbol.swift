public import Imaging

/// One entry point from data to dots, for the command line and label layout.
public enum Symbol {
    /// Renders `data` as `kind` with its quiet zones.
    ///
    /// - QR: any bytes (UTF-8 text as is). GS1 QR: GS1 element strings, separated by GS (0x1D).
    /// - Code 128: ASCII. GS1-128: ASCII element strings, separated by GS (0x1D).
    /// - EAN-13 / UPC-A: digits, with or without the check digit.
    public static func render(
        _ kind: SymbologyKind, data: [UInt8], options: RenderOptions = RenderOptions()
    ) throws(SymbologyError) -> Bitmap {
        let moduleSize = try options.validatedModuleSize()
        let pattern: BarPattern
        switch kind {
        case .qr: return try QRCode.matrix(for: data, options: options.qr).bitmap(moduleSize: moduleSize)
        case .gs1QR: return try QRCode.matrix(for: data, options: options.qr, gs1: true).bitmap(moduleSize: moduleSize)
        case .code128: pattern = try Code128.pattern(for: data)
        case .gs1_128: pattern = try Code128.pattern(for: data, gs1: true)
        case .ean13: pattern = try EAN13.pattern(for: data)
        case .upca: pattern = try UPCA.pattern(for: data)
        }
        return try pattern.bitmap(moduleSize: moduleSize, barHeight: options.validatedBarHeight())
    }

    /// Renders the UTF-8 bytes of `text`.
    public static func render(
        _ kind: SymbologyKind, text: String, options: RenderOptions = RenderOptions()
    ) throws(SymbologyError) -> Bitmap {
        try render(kind, data: Array(text.utf8), options: options)
    }
}
