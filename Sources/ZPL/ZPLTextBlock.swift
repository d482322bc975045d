/// `^FB`: a text block that wraps its text within a width, over at most `maxLines` lines.
public struct ZPLTextBlock: Sendable, Hashable {
    /// How lines sit within the block's width.
    public enum Justification: Sendable, Hashable, CaseIterable {
        case left, center, right, justified

        var code: UInt8 {
            switch self {
            case .left: UInt8(ascii: "L")
            case .center: UInt8(ascii: "C")
            case .right: UInt8(ascii: "R")
            case .justified: UInt8(ascii: "J")
            }
        }
    }

    /// The block's width in dots.
    public var width: Int
    /// Lines the block may take; text beyond them overprints the last line, so keep room.
    public var maxLines: Int
    /// Extra dots between lines; may be negative.
    public var lineSpacing: Int
    public var justification: Justification

    public init(width: Int, maxLines: Int, lineSpacing: Int = 0, justification: Justification = .left) {
        self.width = width
        self.maxLines = maxLines
        self.lineSpacing = lineSpacing
        self.justification = justification
    }

    func write(into out: inout [UInt8]) throws(ZPLError) {
        try ZPLError.check(width, in: ZPLError.dots, "^FB width")
        try ZPLError.check(maxLines, in: 1...9999, "^FB maximum lines")
        try ZPLError.check(lineSpacing, in: -9999...9999, "^FB line spacing")
        out.append(ascii: "^FB")
        out.append(decimal: width)
        out.append(UInt8(ascii: ","))
        out.append(decimal: maxLines)
        out.append(UInt8(ascii: ","))
        out.append(decimal: lineSpacing)
        out.append(UInt8(ascii: ","))
        out.append(justification.code)
    }
}
