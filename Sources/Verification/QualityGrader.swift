import Imaging

/// Estimates the print quality of a decoded symbol from the image it was read in.
public enum QualityGrader {
    /// The grade of `symbol` in `image`, or nil when its outline is too small or too odd to
    /// sample. `reference` is the ideal QR module grid of the symbol's content: without it the
    /// decoded modules stand in for the ideal ones, and unused error correction is not estimated.
    public static func grade(_ symbol: DecodedSymbol, in image: GrayImage, reference: QRReferenceGrid? = nil) -> QualityGrade? {
        if symbol.symbology == .qr {
            return QRGrader(image: image, corners: symbol.position, level: symbol.errorCorrectionLevel, reference: reference)?.grade()
        }
        return LinearGrader(image: image, symbol: symbol)?.grade()
    }
}
