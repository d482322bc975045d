/// A command name of one or two upper-case bytes, kept in a number: the stream parser reads
/// one per command, and comparing or storing it must cost no allocation.
struct ZPLCommandName: Hashable, Sendable {
    private(set) var count = 0
    private var code: UInt16 = 0

    init() {}

    init(_ text: String) {
        for byte in text.utf8 { append(byte) }
    }

    /// A two-letter name the compiler folds to a constant.
    init(_ first: Unicode.Scalar, _ second: Unicode.Scalar) {
        count = 2
        code = UInt16(UInt8(ascii: first)) << 8 | UInt16(UInt8(ascii: second))
    }

    mutating func append(_ byte: UInt8) {
        code = code << 8 | UInt16(byte)
        count += 1
    }

    var text: String {
        withUnsafeBytes(of: (UInt8(truncatingIfNeeded: code >> 8), UInt8(truncatingIfNeeded: code))) {
            String(decoding: $0.suffix(count), as: UTF8.self)
        }
    }
}
