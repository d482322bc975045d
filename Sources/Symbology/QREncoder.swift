/// The QR Code encoder in Swift, from segments to modules (ISO/IEC 18004 clause 7). Plain QR
/// goes through libqrencode; this one exists for what libqrencode cannot write, such as the
/// FNC1-in-first-position indicator of GS1 QR Code.
enum QREncoder {
    /// The symbol of `segments` at exactly `version`, with the mask of lowest penalty.
    /// The segments must fit the version's data capacity at `errorCorrection`.
    static func matrix(
        for segments: [QRSegment], version: QRVersion, errorCorrection: QRErrorCorrection
    ) -> ModuleMatrix {
        let layout = QRBlockLayout(version: version, errorCorrection: errorCorrection)
        let data = QRSegment.dataCodewords(for: segments, in: version, capacity: layout.dataCodewords)
        var grid = QRGrid(version: version)
        grid.place(layout.interleaving(data))
        return grid.bestMasked(errorCorrection: errorCorrection).matrix
    }
}
