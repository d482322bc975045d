extension BarcodeDecoder {
    /// A rectangle of the image, in pixels from the top-left corner.
    public struct Region: Sendable, Hashable, Codable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int

        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        /// The part of this region inside a `width` × `height` image, or nil when none is.
        func clipped(width imageWidth: Int, height imageHeight: Int) -> Region? {
            let x0 = max(0, x), y0 = max(0, y)
            let x1 = min(imageWidth, x.addingReportingOverflow(width).partialValue)
            let y1 = min(imageHeight, y.addingReportingOverflow(height).partialValue)
            guard x0 < x1, y0 < y1 else { return nil }
            return Region(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        }
    }
}
