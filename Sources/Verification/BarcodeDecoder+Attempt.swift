import Imaging

extension BarcodeDecoder {
    /// One look at an image by one decoder: the image as given, or a rescaled copy, optionally
    /// enhanced.
    ///
    /// Shrinking averages away noise and defocus and brings oversized modules into range;
    /// enlarging gives tiny modules enough pixels; sharpening steepens soft edges; a local
    /// threshold removes shadows and gradients; stretching lifts dim photos.
    struct Attempt {
        enum Enhancement {
            case unsharpMask, localThreshold, contrastStretch
        }

        /// The scanned copy is the image resized by this.
        let factor: Double
        let enhancement: Enhancement?
        let decoder: RawSymbol.Source

        init(_ factor: Double, _ enhancement: Enhancement? = nil, by decoder: RawSymbol.Source = .zbar) {
            self.factor = factor
            self.enhancement = enhancement
            self.decoder = decoder
        }

        /// Whether this attempt looks at the image as given, whose linear reads need no
        /// confirmation beyond not being contradicted.
        var isPlain: Bool { factor == 1 && enhancement == nil }

        /// The copies to look at for an image whose shorter side is `shortSide` pixels, the most
        /// rewarding first: on photos of labels most images that are read at all need one
        /// step, and the time goes into the images that fail them all. Each copy is read by
        /// both decoders.
        static func plan(shortSide: Int) -> [Attempt] {
            let copies: [Attempt] = if shortSide >= 400 {
                [
                    Attempt(0.5), Attempt(1, .unsharpMask), Attempt(0.75), Attempt(0.5, .unsharpMask),
                    Attempt(1, .localThreshold), Attempt(1.5), Attempt(1, .contrastStretch),
                    Attempt(0.75, .unsharpMask), Attempt(2), Attempt(1.5, .unsharpMask), Attempt(0.5, .localThreshold),
                ]
            } else {
                [
                    Attempt(2), Attempt(1, .unsharpMask), Attempt(2, .unsharpMask), Attempt(1.5),
                    Attempt(2, .localThreshold), Attempt(1, .contrastStretch), Attempt(1, .localThreshold),
                ] + (shortSide >= 200 ? [Attempt(0.75)] : [])
            }
            return copies.flatMap { [$0, Attempt($0.factor, $0.enhancement, by: .zxing)] }
        }

        /// The copy to scan, or nil when the enhancement has nothing to work with.
        func image(from scaled: GrayImage) -> GrayImage? {
            switch enhancement {
            case nil: scaled
            case .unsharpMask: scaled.unsharpMasked()
            case .localThreshold: scaled.locallyThresholded()
            case .contrastStretch: scaled.contrastStretched()
            }
        }

        /// Whether a read in both says more than a read in one: they share neither the scaled
        /// copy nor the enhancement, whose artefacts could repeat the same misread; or other
        /// decoders read other copies, so neither the algorithm nor the artefacts are shared.
        func isIndependent(of other: Attempt) -> Bool {
            let otherFactor = factor != other.factor, otherEnhancement = enhancement != other.enhancement
            return otherFactor && otherEnhancement || decoder != other.decoder && (otherFactor || otherEnhancement)
        }

        /// About how long this attempt takes, from the time of the plain pass: decoding time
        /// grows with the pixel count, and an enhancement costs about half a pass more.
        func estimatedTime(plainPass: Duration) -> Duration {
            plainPass * (factor * factor * (enhancement == nil ? 1 : 1.5))
        }
    }
}
