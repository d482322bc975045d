import Symbology

extension QRErrorCorrection {
    /// Error correction codewords per block that detect rather than correct, in a symbol of
    /// `size` modules (ISO/IEC 18004 table 9: only versions 1 to 3 keep any). Unused error
    /// correction leaves them out of the capacity.
    func misdecodeProtection(size: Int) -> Int {
        switch (size, self) {
        case (21, .l): 3
        case (21, .m), (25, .l): 2
        case (21, .q), (21, .h), (29, .l): 1
        default: 0
        }
    }
}
