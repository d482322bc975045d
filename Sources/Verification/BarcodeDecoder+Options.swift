extension BarcodeDecoder {
    /// What the decoder looks for.
    public struct Options: Sendable, Equatable {
        /// Only these are enabled in zbar and reported.
        public var symbologies: Set<BarcodeSymbology>
        /// Also read light-on-dark symbols: when a pass finds nothing, zbar scans the inverted
        /// image. Costs a second pass on images without a symbol.
        public var tryInverted: Bool
        /// Read EAN-2/EAN-5 add-ons and append them to the main EAN/UPC text, as zbar's
        /// composite symbols do. Off by default, as in zbar: many products carry an add-on that
        /// the expected code leaves out, and the text would then no longer match.
        public var eanAddOns: Bool

        public init(
            symbologies: Set<BarcodeSymbology> = BarcodeSymbology.common,
            tryInverted: Bool = false,
            eanAddOns: Bool = false
        ) {
            self.symbologies = symbologies
            self.tryInverted = tryInverted
            self.eanAddOns = eanAddOns
        }
    }
}
