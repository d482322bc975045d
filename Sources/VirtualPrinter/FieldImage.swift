import Imaging

/// A field drawn upright, with the two points ZPL places a field by.
struct FieldImage {
    var bitmap: Bitmap
    /// The rectangle whose top-left corner, once turned, lands on `^FO`: the whole field, or
    /// only the bars of a barcode whose text line lies outside it.
    var anchor: (x: Int, y: Int, width: Int, height: Int)
    /// The pixel that lands on `^FT`: the last row of ink above the baseline, at the left.
    var baselinePoint: (x: Int, y: Int)

    init(_ bitmap: Bitmap, anchor: (x: Int, y: Int, width: Int, height: Int)? = nil, baselinePoint: (x: Int, y: Int)? = nil) {
        self.bitmap = bitmap
        self.anchor = anchor ?? (0, 0, bitmap.width, bitmap.height)
        self.baselinePoint = baselinePoint ?? (0, bitmap.height - 1)
    }
}
