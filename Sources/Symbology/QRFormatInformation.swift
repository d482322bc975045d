/// The BCH-protected words that tell a reader how to read the symbol (ISO/IEC 18004 7.9, 7.10).
enum QRFormatInformation {
    /// The 15 format bits: level and mask reference, BCH(15,5) with generator 0x537, XORed with
    /// 0x5412 so that no combination is all light.
    static func bits(errorCorrection: QRErrorCorrection, mask: QRMask) -> Int {
        let data = errorCorrection.formatIndicator << 3 | mask.reference
        return (data << 10 | remainder(of: data << 10, generator: 0x537)) ^ 0x5412
    }

    /// The 18 version bits of versions 7…40: the version number, BCH(18,6) with generator 0x1F25.
    static func versionBits(_ version: QRVersion) -> Int {
        version.number << 12 | remainder(of: version.number << 12, generator: 0x1F25)
    }

    /// Remainder of the polynomial `value` divided by `generator`, over GF(2).
    private static func remainder(of value: Int, generator: Int) -> Int {
        let degree = Int.bitWidth - 1 - generator.leadingZeroBitCount
        var remainder = value
        while remainder != 0, Int.bitWidth - 1 - remainder.leadingZeroBitCount >= degree {
            remainder ^= generator << (Int.bitWidth - 1 - remainder.leadingZeroBitCount - degree)
        }
        return remainder
    }
}

extension QRErrorCorrection {
    /// The two bits that name the level in the format information (ISO/IEC 18004 table 12).
    var formatIndicator: Int {
        switch self {
        case .l: 0b01
        case .m: 0b00
        case .q: 0b11
        case .h: 0b10
        }
    }
}
