extension QRGrid {
    /// This symbol with `mask` applied to its data modules and the format information for
    /// `errorCorrection` and `mask` written.
    func masked(_ mask: QRMask, errorCorrection: QRErrorCorrection) -> QRGrid {
        var masked = self
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && mask.inverts(x: x, y: y) {
                masked.setData(x: x, y: y, dark: !modules[y * size + x])
            }
        }
        masked.drawFormatInformation(QRFormatInformation.bits(errorCorrection: errorCorrection, mask: mask))
        return masked
    }

    /// The masked symbol with the lowest penalty (ISO/IEC 18004 7.8.3); the lower mask
    /// reference wins a tie.
    func bestMasked(errorCorrection: QRErrorCorrection) -> QRGrid {
        let candidates = QRMask.all.map { mask in
            let grid = masked(mask, errorCorrection: errorCorrection)
            return (grid: grid, penalty: grid.penalty)
        }
        // `min(by:)` keeps the first of equal elements.
        return candidates.min { $0.penalty < $1.penalty }!.grid
    }
}
