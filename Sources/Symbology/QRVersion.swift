/// A QR symbol size (ISO/IEC 18004 table 1): version 1 is 21×21 modules, each version adds 4.
struct QRVersion: Hashable, Comparable, Sendable {
    static let all = (1...40).map(QRVersion.init)

    let number: Int

    init(_ number: Int) {
        precondition((1...40).contains(number), "QR versions are 1…40")
        self.number = number
    }

    static func < (lhs: QRVersion, rhs: QRVersion) -> Bool { lhs.number < rhs.number }

    var size: Int { 17 + 4 * number }

    /// Codewords of data and error correction together: the modules left for data after the
    /// function patterns, format and version information, in whole bytes (the rest are
    /// remainder bits).
    var totalCodewords: Int {
        var modules = (16 * number + 128) * number + 64
        if number >= 2 {
            let alignments = number / 7 + 2
            // Alignment patterns, less their overlap with the timing patterns.
            modules -= (25 * alignments - 10) * alignments - 55
            if number >= 7 { modules -= 36 }  // two version information blocks
        }
        return modules / 8
    }

    /// Row and column coordinates of alignment pattern centres (ISO/IEC 18004 annex E);
    /// a pattern sits at every pair of them except the three that overlap a finder.
    var alignmentCenters: [Int] { Self.alignmentCenters[number - 1] }

    private static let alignmentCenters: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34],
        [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62],
        [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74], [6, 30, 54, 78], [6, 30, 56, 82],
        [6, 30, 58, 86], [6, 34, 62, 90],
        [6, 28, 50, 72, 94], [6, 26, 50, 74, 98], [6, 30, 54, 78, 102], [6, 28, 54, 80, 106],
        [6, 32, 58, 84, 110], [6, 30, 58, 86, 114], [6, 34, 62, 90, 118],
        [6, 26, 50, 74, 98, 122], [6, 30, 54, 78, 102, 126], [6, 26, 52, 78, 104, 130],
        [6, 30, 56, 82, 108, 134], [6, 34, 60, 86, 112, 138], [6, 30, 58, 86, 114, 142],
        [6, 34, 62, 90, 118, 146],
        [6, 30, 54, 78, 102, 126, 150], [6, 24, 50, 76, 102, 128, 154], [6, 28, 54, 80, 106, 132, 158],
        [6, 32, 58, 84, 110, 136, 162], [6, 26, 54, 82, 110, 138, 166], [6, 30, 58, 86, 114, 142, 170],
    ]

    /// Which of the three character-count widths (versions 1–9, 10–26, 27–40) applies.
    var characterCountClass: Int {
        switch number {
        case ...9: 0
        case ...26: 1
        default: 2
        }
    }
}
