#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the font labels are drawn with when the station is not told one.
public enum FontLocator {
    /// The environment variable naming a font file; it overrides the known locations.
    public static let environmentVariable = "TRACESTATION_FONT"
    /// The Debian package that provides the first known location.
    public static let debianPackage = "fonts-wqy-microhei"

    /// Where Debian packages put fonts with Chinese glyphs, best first; DejaVu, last, lacks
    /// Chinese, so `TextRasterizer.missingCharacters(in:)` will report every Chinese character.
    public static let knownLocations: [FontLocation] = [
        FontLocation(path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        FontLocation(path: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
        // Faces in this collection: JP, KR, SC, TC, HK; SC has the simplified Chinese forms.
        FontLocation(path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", faceIndex: 2),
        FontLocation(path: "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
        FontLocation(path: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    ]

    /// The font to use: `explicitPath` when given, else the file the environment variable names,
    /// else the first known location that exists.
    ///
    /// A configured path is returned even when the file is missing, so that opening it fails
    /// with its name: a label must not silently change font because a setting is wrong.
    public static func locate(
        explicitPath: String? = nil,
        environmentValue: String? = environmentSetting(),
        knownLocations: [FontLocation] = knownLocations
    ) throws(ImagingError) -> FontLocation {
        if let explicitPath, !explicitPath.isEmpty { return FontLocation(path: explicitPath) }
        if let environmentValue, !environmentValue.isEmpty { return FontLocation(path: environmentValue) }
        guard let found = knownLocations.first(where: { access($0.path, R_OK) == 0 }) else {
            throw .fontNotFound(tried: knownLocations.map(\.path), package: debianPackage)
        }
        return found
    }

    /// The value of `TRACESTATION_FONT` in this process's environment, if set.
    public static func environmentSetting() -> String? {
        getenv(environmentVariable).map { String(cString: $0) }
    }
}
