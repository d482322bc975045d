import Imaging

extension BarcodeDecoder {
    /// Every asked symbol in the PNG, JPEG or PNM file at `path`.
    public func decode(file path: String, limits: ImageLimits = .default) throws(VerificationError) -> [DecodedSymbol] {
        let image: GrayImage
        do {
            image = try ImageFile.read(path: path, limits: limits)
        } catch {
            throw .unreadableImage(error)
        }
        return try decode(image)
    }
}
