/// A label printer as the station drives it: resolution, media, connection and ZPL dialect.
public struct DeviceProfile: Sendable, Equatable {
    /// How labels go to the printer as ZPL.
    public enum ZPLMode: String, Sendable, CaseIterable {
        /// Printer-side symbols and fonts (`^BQ`, `^BC`, `^BE`, `^A0`, `^A@`): small and fast.
        case native
        /// The whole label as one `^GF` graphic: exactly the PNG, for printers without a CJK font.
        case bitmap
    }

    /// The name the profile is known by (its file name without `.yaml`).
    public var name: String
    public var model: String
    /// Nominal resolution: 203, 300 or 600 dpi.
    public var dpi: Int
    /// Printable width in dots (`^PW`).
    public var printWidth: Int
    /// Loaded media, in mm; a template of another size prints with a warning.
    public var mediaWidth: Double
    public var mediaHeight: Double
    public var mediaGap: Double
    /// Darkness 0–30 (`~SD`) and speed in inches per second (`^PR`), kept for the print queue.
    public var darkness: Int
    public var speed: Int
    public var host: String
    public var port: Int
    public var zplMode: ZPLMode
    /// The TrueType font stored on the printer for Chinese, as `^A@` names it (`E:SIMSUN.TTF`);
    /// `nil` when it has none, and Chinese text then goes out as a graphic.
    public var cjkFont: String?

    /// Resolutions the station knows, with the whole dots per mm printers really use:
    /// a "203 dpi" head is 8 dots/mm, "300 dpi" is 12 and "600 dpi" is 24.
    public static let dotsPerMillimetreByDPI = [203: 8, 300: 12, 600: 24]

    public var dotsPerMillimetre: Int { Self.dotsPerMillimetreByDPI[dpi] ?? 8 }

    public init(
        name: String, model: String, dpi: Int, printWidth: Int, mediaWidth: Double, mediaHeight: Double,
        mediaGap: Double, darkness: Int, speed: Int, host: String, port: Int, zplMode: ZPLMode, cjkFont: String?
    ) {
        self.name = name
        self.model = model
        self.dpi = dpi
        self.printWidth = printWidth
        self.mediaWidth = mediaWidth
        self.mediaHeight = mediaHeight
        self.mediaGap = mediaGap
        self.darkness = darkness
        self.speed = speed
        self.host = host
        self.port = port
        self.zplMode = zplMode
        self.cjkFont = cjkFont
    }

    /// Millimetres as whole dots, rounded to the nearest dot.
    public func dots(_ millimetres: Double) -> Int {
        Int((millimetres * Double(dotsPerMillimetre)).rounded())
    }

    /// Millimetres as whole dots, never more than the length given (module widths).
    public func dotsRoundedDown(_ millimetres: Double) -> Int {
        // A tiny tolerance keeps 0.25 mm × 12 = 2.9999… from becoming 2.
        Int((millimetres * Double(dotsPerMillimetre) + 1e-9).rounded(.down))
    }

    public func millimetres(_ dots: Int) -> Double {
        Double(dots) / Double(dotsPerMillimetre)
    }
}
