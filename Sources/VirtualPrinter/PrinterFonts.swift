import Imaging

/// The font files that stand in for a printer's fonts. A printer's font 0 is a bold condensed
/// sans serif and its fonts A–H are fixed-width bitmaps; the nearest free outlines are used,
/// which is why text never matches another renderer pixel for pixel.
public struct PrinterFonts: Sendable {
    /// Font 0, `^A0`.
    public var scalable: FontLocation
    /// Bitmap fonts A–H, drawn from a fixed-width outline.
    public var fixedWidth: FontLocation
    /// `^A@` and `^CW` fonts: printer-stored TTFs, usually for Chinese.
    public var stored: FontLocation

    public init(scalable: FontLocation, fixedWidth: FontLocation, stored: FontLocation) {
        self.scalable = scalable
        self.fixedWidth = fixedWidth
        self.stored = stored
    }

    /// The first installed of each kind, falling back to the station's label font.
    public static func installed() throws(ImagingError) -> PrinterFonts {
        let stored = try FontLocator.locate()
        func first(_ paths: [String]) throws(ImagingError) -> FontLocation {
            let candidates = paths.map { FontLocation(path: $0) } + [stored]
            return try FontLocator.locate(environmentValue: nil, knownLocations: candidates)
        }
        return PrinterFonts(
            scalable: try first([
                "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
            ]),
            fixedWidth: try first([
                "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
                "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Bold.otf",
            ]),
            stored: stored)
    }
}
