import Testing
@testable import Imaging

/// The font the text tests draw with: the station's default lookup, so the tests see what a
/// label would. Every machine that ran `make deps` has one.
enum TestFont {
    static let location: FontLocation? = try? FontLocator.locate()
    static let isAvailable = location != nil
    static let unavailableReason: Comment = "no font file found; run `make deps` (installs fonts-wqy-microhei)"

    /// A fresh rasterizer: FreeType objects belong to one test at a time.
    static func rasterizer(cacheLimit: Int = 16_384) throws -> TextRasterizer {
        let location = try #require(location)
        return TextRasterizer(font: try Font(path: location.path, faceIndex: location.faceIndex), cacheLimit: cacheLimit)
    }
}

extension Bitmap {
    /// Whether any pixel is ink.
    var hasInk: Bool { bits.contains { $0 != 0 } }
}
