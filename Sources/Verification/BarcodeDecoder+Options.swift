extension BarcodeDecoder {
    /// What the decoder looks for.
    public struct Options: Sendable, Equatable {
        /// Only these are enabled in zbar and reported.
        public var symbologies: Set<BarcodeSymbology>
        /// Also read light-on-dark symbols: when a pass finds nothing, zbar scans the inverted
        /// image. Costs a second pass on images without a symbol.
        public var tryInverted: Bool
        /// When an EAN-2/EAN-5 add-on is appended to the main EAN/UPC text.
        public var eanAddOns: EANAddOns
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

        /// When an EAN-2/EAN-5 add-on (books, periodicals) is appended to the main EAN/UPC
        /// text, as zbar's composite symbols do. The main number alone is a partial read of a
        /// symbol with an add-on, and a decoder that looks for add-ons sometimes invents one
        /// beside a plain EAN-13: both are wrong reads.
        public enum EANAddOns: Sendable, Equatable {
            /// Look for add-ons; report one only when two independent attempts read it (both
            /// decoders, or copies made differently). A symbol whose add-on is seen but not
            /// confirmed by further attempts is reported with its main number alone (see
            /// `ReadEvidence`). A symbol without an add-on costs nothing more.
            case confirmed
            /// The labels carry an add-on (the station knows what it printed): an EAN/UPC read is
            /// reported only with one, so a partial read never looks like a wrong code. Any
            /// add-on read is appended unless another read gave another add-on there; a main
            /// number read alone leads to further attempts.
            case expected
            /// Append any add-on read once.
            case always
            /// Ignore add-ons: report the main number.
            case never
        }

        public static let defaultTimeBudget: Duration = .milliseconds(300)

        public init(
            symbologies: Set<BarcodeSymbology> = BarcodeSymbology.common,
            tryInverted: Bool = false,
            eanAddOns: EANAddOns = .confirmed,
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
