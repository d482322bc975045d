/// A command name of one or two upper-case bytes, kept in a number: the stream parser reads
/// one per command, and comparing or storing it must cost no allocation.
struct ZPLCommandName: Hashable, Sendable {
    private(set) var count = 0
    /// The bytes, the last lowest; unique per name, since a two-letter name's first byte is not zero.
    private(set) var code: UInt16 = 0

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

/// A few command names, asked once per command by the stream parser: a 64-bit filter held in
/// a register turns most names away without touching memory, which a table of a bit per
/// possible name (8 KiB, out of cache behind the format bytes) would.
struct ZPLCommandNameSet: Sendable {
    private let filter: UInt64
    private let names: [ZPLCommandName]

    init(_ names: some Sequence<ZPLCommandName>) {
        self.names = Array(names)
        filter = self.names.reduce(0) { $0 | 1 << Self.slot($1) }
    }

    @inline(__always)
    func contains(_ name: ZPLCommandName) -> Bool {
        filter & 1 << Self.slot(name) != 0 && names.contains(name)
    }

    /// One of 64 slots, from a multiplicative hash, so that names alike land apart.
    @inline(__always)
    private static func slot(_ name: ZPLCommandName) -> UInt64 {
        (UInt64(name.code) &* 0x9E37_79B9_7F4A_7C15) >> 58
    }
}
