import Imaging

extension BarcodeDecoder {
    /// A second look at an image in which the first pass found nothing.
    ///
    /// Large photos are read again at half size, which averages away noise and defocus. Small
    /// ones are read at double size, but only QR results are kept from it: interpolation can
    /// turn a soft EAN/UPC into a different number with a valid check digit, whereas a QR
    /// read is guarded by its error correction.
    struct Retry {
        static let halveFrom = 400

        let image: GrayImage
        /// Scanned coordinates times this are coordinates in the caller's image.
        let scale: Double
        let keepsLinear: Bool

        init(for original: GrayImage) {
            if min(original.width, original.height) >= Self.halveFrom {
                image = original.scaled(by: 0.5)
                scale = 2
                keepsLinear = true
            } else {
                image = original.scaled(by: 2)
                scale = 0.5
                keepsLinear = false
            }
        }

        func accepted(_ found: [RawSymbol]) -> [RawSymbol] {
            found.filter { keepsLinear || $0.isQR }.map { symbol in
                var symbol = symbol
                symbol.points = symbol.points.map {
                    DecodedSymbol.Point(x: Int((Double($0.x) * scale).rounded()), y: Int((Double($0.y) * scale).rounded()))
                }
                return symbol
            }
        }
    }
}
