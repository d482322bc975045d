extension QRCode {
    /// GS1 QR Code: the symbol data after the FNC1-in-first-position indicator, encoded by
    /// `QREncoder` because libqrencode cannot write that indicator.
    ///
    /// - Parameter data: GS1 symbol data as `GS1ElementString.symbolData()` gives it: AIs and
    ///   values run together, GS (0x1D) after a variable-length value that is not last, no
    ///   leading GS.
    static func gs1Matrix(for data: [UInt8], options: QROptions) throws(SymbologyError) -> ModuleMatrix {
        try validateGS1(data)
        let level = options.errorCorrection
        // The best segmentation depends only on the character-count widths, one per version range.
        var plans: [[QRSegment]?] = [nil, nil, nil]
        for version in QRVersion.all where version.number >= options.minimumVersion {
            let segments = plans[version.characterCountClass] ?? QRSegment.gs1Segments(for: data, in: version)
            plans[version.characterCountClass] = segments
            let bits = segments.reduce(0) { $0 + $1.bitCount(in: version) }
            if bits <= QRBlockLayout(version: version, errorCorrection: level).dataCodewords * 8 {
                return QREncoder.matrix(for: segments, version: version, errorCorrection: level)
            }
        }
        let capacity = gs1Capacity(level)
        throw .gs1DataTooLong(
            length: data.count, errorCorrection: level, byteCapacity: capacity.bytes, digitCapacity: capacity.digits)
    }

    /// Characters of GS1 data the largest symbol (version 40) holds at `level`: when all are
    /// in byte mode, and when all are digits. The FNC1 indicator takes 4 bits of the space.
    static func gs1Capacity(_ level: QRErrorCorrection) -> (bytes: Int, digits: Int) {
        let version = QRVersion(40)
        let dataBits = QRBlockLayout(version: version, errorCorrection: level).dataCodewords * 8
        let available = dataBits - QRSegment.fnc1First.bitCount(in: version) - 4
        let byteBits = available - QRSegment.Mode.byte.characterCountWidth(for: version)
        let digitBits = available - QRSegment.Mode.numeric.characterCountWidth(for: version)
        // Three digits take 10 bits, a final two 7 and a final one 4.
        let rest = digitBits % 10
        return (byteBits / 8, digitBits / 10 * 3 + (rest >= 7 ? 2 : rest >= 4 ? 1 : 0))
    }

    /// GS1 data is GS1 CSET 82 (every AI's character set is a subset) with GS separating
    /// elements; a GS first, last or doubled would stand for an empty element.
    private static func validateGS1(_ data: [UInt8]) throws(SymbologyError) {
        for (position, byte) in data.enumerated() {
            if byte == groupSeparator {
                let isBetweenElements = position > 0 && position < data.count - 1 && data[position - 1] != groupSeparator
                guard isBetweenElements else {
                    throw .invalidCharacter(
                        symbology: .gs1QR, byte: byte, position: position,
                        allowed: "GS (0x1D) only between two elements: not first (the symbol adds the leading "
                            + "FNC1), not last, not twice in a row")
                }
            } else if !cset82.contains(byte) {
                throw .invalidCharacter(
                    symbology: .gs1QR, byte: byte, position: position,
                    allowed: "GS1 CSET 82 (! \" % & ' ( ) * + , - . / 0-9 : ; < = > ? A-Z _ a-z, no space) "
                        + "and GS (0x1D) between elements")
            }
        }
    }

    private static let groupSeparator: UInt8 = 0x1D

    private static let cset82 = Set(
        "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".utf8)
}
