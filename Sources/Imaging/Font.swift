#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CFreeType

/// One face of a TrueType, OpenType or collection (.ttc) font file, opened through FreeType.
///
/// FreeType's library and face objects must not be used from two threads at once, so a font
/// belongs to one task: open one per rendering task (opening is cheap, the file is mapped, not
/// copied). The type is deliberately not `Sendable`.
public final class Font {
    /// The file the face was read from.
    public let path: String
    /// The face's position in a collection; 0 for a single-face file.
    public let faceIndex: Int
    /// The family name the face declares, e.g. "WenQuanYi Micro Hei".
    public let familyName: String

    private let library: FT_Library
    private let face: FT_Face
    /// The pixel size the face is set to, so glyph loads at one size skip `FT_Set_Pixel_Sizes`.
    private var currentHeight = 0

    /// Opens face `faceIndex` of the font file at `path`.
    ///
    /// - Throws: `ImagingError.unreadable` when the file is missing or unreadable,
    ///   `.notAFont` when FreeType cannot read it as a scalable font, and
    ///   `.faceIndexOutOfRange` when a collection holds fewer faces.
    public init(path: String, faceIndex: Int = 0) throws(ImagingError) {
        try Self.checkReadable(path)
        guard faceIndex >= 0 else { throw .faceIndexOutOfRange(path: path, index: faceIndex, faceCount: nil) }
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw .notAFont(path: path, reason: "the FreeType library could not be initialised")
        }
        var face: FT_Face?
        let error = FT_New_Face(library, path, FT_Long(faceIndex), &face)
        guard error == 0, let face else {
            let faceCount = faceIndex > 0 ? Self.faceCount(library: library, path: path) : nil
            FT_Done_FreeType(library)
            if let faceCount, faceIndex >= faceCount {
                throw .faceIndexOutOfRange(path: path, index: faceIndex, faceCount: faceCount)
            }
            throw .notAFont(path: path, reason: Self.describe(freeTypeError: error))
        }
        // Only an outline font can be drawn at any label height; a bitmap-only face has a few sizes.
        guard face.pointee.face_flags & FT_Long(FT_FACE_FLAG_SCALABLE) != 0 else {
            FT_Done_Face(face)
            FT_Done_FreeType(library)
            throw .notAFont(path: path, reason: "it holds fixed-size bitmaps only, not scalable outlines")
        }
        self.path = path
        self.faceIndex = faceIndex
        self.familyName = face.pointee.family_name.map { String(cString: $0) } ?? ""
        self.library = library
        self.face = face
    }

    deinit {
        FT_Done_Face(face)
        FT_Done_FreeType(library)
    }

    /// The face's glyph for `scalar`; 0 (.notdef) when the font lacks it.
    func glyphIndex(for scalar: Unicode.Scalar) -> UInt32 {
        FT_Get_Char_Index(face, FT_ULong(scalar.value))
    }

    /// Ascent and descent in whole dots at the em size `height`, rounded outwards by FreeType.
    func lineMetrics(height: Int) -> (ascent: Int, descent: Int) {
        setHeight(height)
        let metrics = face.pointee.size.pointee.metrics
        return (Int(metrics.ascender + 63) >> 6, Int(-metrics.descender + 63) >> 6)
    }

    /// Loads and renders glyph `index` at the em size `height` as a 1-bit image.
    ///
    /// Glyphs are hinted lightly (vertical snapping only), rendered anti-aliased and thresholded
    /// at half coverage. Compared at 24–40 dots on Chinese text: FreeType's mono mode and full
    /// or no hinting merge the close horizontal strokes of characters such as 量 and 警 at 24
    /// dots; mono with the auto-hinter keeps them apart but thins strokes to one dot, which a
    /// 203 dpi thermal head prints faintly. Light hinting keeps strokes apart and their weight.
    /// Nil when FreeType cannot load or render the glyph (a broken font).
    func renderGlyph(_ index: UInt32, height: Int) -> Glyph? {
        setHeight(height)
        let flags = FT_Int32(FT_LOAD_DEFAULT) | FT_LOAD_TARGET_LIGHT_FLAG
        guard FT_Load_Glyph(face, index, flags) == 0, FT_Render_Glyph(face.pointee.glyph, FT_RENDER_MODE_NORMAL) == 0 else {
            return nil
        }
        let slot = face.pointee.glyph.pointee
        return Glyph(image: Self.threshold(slot.bitmap), left: Int(slot.bitmap_left), top: Int(slot.bitmap_top),
                     advance: Int(slot.advance.x + 32) >> 6)
    }

    private func setHeight(_ height: Int) {
        guard height != currentHeight else { return }
        // Cannot fail for a scalable face and a positive size, which `TextRasterizer` guarantees.
        FT_Set_Pixel_Sizes(face, 0, FT_UInt(height))
        currentHeight = height
    }

    /// A FreeType 8-bit coverage bitmap as ink where coverage is at least half.
    private static func threshold(_ source: FT_Bitmap) -> Bitmap {
        let width = Int(source.width), rows = Int(source.rows)
        guard width > 0, rows > 0, let buffer = source.buffer, source.pixel_mode == UInt8(FT_PIXEL_MODE_GRAY.rawValue) else {
            return Bitmap(width: 0, height: 0)
        }
        let pitch = Int(source.pitch)
        // A negative pitch means the rows are stored bottom-up; the top row is then the last one.
        let top = pitch < 0 ? buffer - pitch * (rows - 1) : buffer
        var image = Bitmap(width: width, height: rows)
        image.bits.withUnsafeMutableBufferPointer { bits in
            for y in 0..<rows {
                let row = top + y * pitch
                let base = y * image.bytesPerRow
                for x in 0..<width where row[x] >= 128 {
                    bits[base + x >> 3] |= 0x80 >> UInt8(x & 7)
                }
            }
        }
        return image
    }

    private static func checkReadable(_ path: String) throws(ImagingError) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .unreadable(path: path, reason: "it is a directory") }
        guard access(path, R_OK) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    }

    /// How many faces the file at `path` holds, when face 0 opens; nil when it is no font at all.
    private static func faceCount(library: FT_Library, path: String) -> Int? {
        var face: FT_Face?
        guard FT_New_Face(library, path, 0, &face) == 0, let face else { return nil }
        defer { FT_Done_Face(face) }
        return Int(face.pointee.num_faces)
    }

    private static func describe(freeTypeError error: FT_Error) -> String {
        switch error {
        case 0x01: return "FreeType cannot open it"
        case 0x02: return "it is not a font file FreeType knows (TrueType, OpenType, collection)"
        case 0x03: return "its font tables are broken"
        default: return "FreeType error 0x" + String(error, radix: 16)
        }
    }
}

@available(*, unavailable, message: "FreeType objects are not thread-safe: open one Font per task")
extension Font: Sendable {}

/// `FT_LOAD_TARGET_LIGHT`, a function-like macro in C that Swift does not import.
private let FT_LOAD_TARGET_LIGHT_FLAG = Int32(FT_RENDER_MODE_LIGHT.rawValue & 15) << 16
