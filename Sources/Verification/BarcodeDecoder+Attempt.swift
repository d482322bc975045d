import Imaging

extension BarcodeDecoder {
    /// One further look at an image in which the plain pass found nothing: a rescaled copy,
    /// optionally enhanced.
    ///
    /// Shrinking averages away noise and defocus and brings oversized modules into zbar's
    /// range; enlarging gives tiny modules enough pixels; sharpening steepens soft edges; a
    /// local threshold removes shadows and gradients; stretching lifts dim photos.
    struct Attempt {
        enum Enhancement {
            case unsharpMask, localThreshold, contrastStretch
        }

        /// The scanned copy is the image resized by this.
        let factor: Double
        let enhancement: Enhancement?

        init(_ factor: Double, _ enhancement: Enhancement? = nil) {
            self.factor = factor
            self.enhancement = enhancement
        }

        /// The attempts for an image whose shorter side is `shortSide` pixels, the most
        /// rewarding first: on photos of labels most images that are read at all need one
        /// step, and the time goes into the images that fail them all.
        static func plan(shortSide: Int) -> [Attempt] {
            if shortSide >= 400 {
                return [
                    Attempt(0.5), Attempt(1, .unsharpMask), Attempt(0.75), Attempt(0.5, .unsharpMask),
                    Attempt(1, .localThreshold), Attempt(1.5), Attempt(1, .contrastStretch),
                    Attempt(0.75, .unsharpMask), Attempt(2), Attempt(1.5, .unsharpMask), Attempt(0.5, .localThreshold),
                ]
            }
            return [
                Attempt(2), Attempt(1, .unsharpMask), Attempt(2, .unsharpMask), Attempt(1.5),
                Attempt(2, .localThreshold), Attempt(1, .contrastStretch), Attempt(1, .localThreshold),
            ] + (shortSide >= 200 ? [Attempt(0.75)] : [])
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
        /// copy nor the enhancement, whose artefacts could repeat the same misread.
        func isIndependent(of other: Attempt) -> Bool {
            factor != other.factor && enhancement != other.enhancement
        }

        /// About how long this attempt takes, from the time of the plain pass: zbar's time
        /// grows with the pixel count, and an enhancement costs about half a pass more.
        func estimatedTime(plainPass: Duration) -> Duration {
            plainPass * (factor * factor * (enhancement == nil ? 1 : 1.5))
        }
    }
}
