extension RawSymbol {
    /// Whether both are linear reads of the same place with different data.
    ///
    /// On blurred photos a decoder can read one EAN/UPC both correctly and as other numbers
    /// with a valid check digit (a misread half), each on several scan lines, with the misread
    /// sometimes on more lines than the true one. The scan lines of each read form a thin band,
    /// so bands closer than a quarter of the symbol's length are taken as one symbol read
    /// inconsistently, and none of its texts is reported unless two decoders agree on one
    /// against texts of one decoder only (`ReadEvidence`): a verifier must never pass a wrong
    /// read. QR reads are guarded by error correction and never contradict.
    func contradicts(_ other: RawSymbol) -> Bool {
        !isQR && !other.isQR && data != other.data && bounds.overlaps(other.bounds)
    }

    /// Whether both read the same data of the same symbology in the same place.
    func isSameRead(as other: RawSymbol) -> Bool {
        symbology == other.symbology && data == other.data && bounds.overlaps(other.bounds)
    }

    /// The box holding every point the decoder reported, widened on each side by a quarter of
    /// its longer side; empty when the decoder gave no points.
    private var bounds: Bounds {
        let xs = points.map(\.x), ys = points.map(\.y)
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 0, minY = ys.min() ?? 0, maxY = ys.max() ?? 0
        let margin = max(maxX - minX, maxY - minY) / 4
        return Bounds(x: (minX - margin)...(maxX + margin), y: (minY - margin)...(maxY + margin), isEmpty: points.isEmpty)
    }

    private struct Bounds {
        var x: ClosedRange<Int>
        var y: ClosedRange<Int>
        var isEmpty: Bool

        func overlaps(_ other: Bounds) -> Bool {
            !isEmpty && !other.isEmpty && x.overlaps(other.x) && y.overlaps(other.y)
        }
    }
}
