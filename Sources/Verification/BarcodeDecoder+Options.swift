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
        /// How long one image may take when the first plain pass finds nothing: rescaled and
        /// enhanced copies are tried until one is read or this time is spent. Zero keeps the
        /// single pass. A clean label never pays it; an image without a symbol always does.
        public var timeBudget: Duration
        /// Only this part of the image is scanned (clipped to the image); positions are still
        /// reported in the whole image. A fixed camera sees the label in the same place, and
        /// a smaller image is read faster and holds fewer things that look like bars.
        public var regionOfInterest: Region?
        /// Report only reads that two independent attempts agree on (both decoders, or copies
        /// made differently), QR included. Costs a second decoder pass on every image; meant for
        /// confirming a read before it rejects a label.
        public var requireAgreement: Bool

        public static let defaultTimeBudget: Duration = .milliseconds(300)

        public init(
            symbologies: Set<BarcodeSymbology> = BarcodeSymbology.common,
            tryInverted: Bool = false,
            eanAddOns: Bool = false,
            timeBudget: Duration = Options.defaultTimeBudget,
            regionOfInterest: Region? = nil,
            requireAgreement: Bool = false
        ) {
            self.symbologies = symbologies
            self.tryInverted = tryInverted
            self.eanAddOns = eanAddOns
            self.timeBudget = timeBudget
            self.regionOfInterest = regionOfInterest
            self.requireAgreement = requireAgreement
        }
    }
}
