import PropertyBased
import TraceCodes

extension RoundTripTests {
    static let cset82 = Gen<Character?>.element(of: Array("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")).map { $0! }

    /// Serials as the station issues them: from `RandomSerialGenerator`, seeded by the property
    /// check so that a failing case can be replayed.
    static let serial = zip(Gen<UInt64>.value(), Gen.int(in: RandomSerialGenerator<Xoshiro>.allowedLengths)).map { seed, length in
        // Xoshiro needs a state that is not all zero.
        var generator = try! RandomSerialGenerator(length: length, source: Xoshiro(seed: (seed, ~seed, 0x9E37_79B9_7F4A_7C15, 1)))
        return try! generator.next()
    }

    /// A trade item with a random GTIN-14, a CSET 82 lot and a serial: `(01)…(10)…(21)…`.
    static let itemCode = zip(Gen.number.string(of: 13), cset82.string(of: 1...20), serial).map { body, lot, serial in
        try! GS1ElementString([
            GS1Element(ai: "01", value: GTIN(body: body).digits),
            GS1Element(ai: "10", value: lot),
            GS1Element(ai: "21", value: serial),
        ])
    }

    /// Code 128 set B: space to tilde.
    static let printableASCII = Gen.character(in: " "..."~").string(of: 1...30)

    /// CJK unified ideographs of the basic block (U+4E00–U+9FA5) mixed with printable ASCII.
    static let mixedText = Gen.oneOf(Gen.character(in: "\u{4E00}"..."\u{9FA5}"), Gen.character(in: " "..."~"))
        .string(of: 1...40)

    /// Byte strings made of random lead bytes, each followed by as many random continuation
    /// bytes as it announces, kept when they are valid UTF-8: NUL, controls, four-byte
    /// characters and byte order marks come up, not only the characters a text generator picks.
    static let utf8Bytes = Gen<UInt8>.value(in: 0...255).array(of: 4).array(of: 1...12).map { chunks in
        chunks.flatMap { chunk in
            let lead = chunk[0] < 0xC2 ? chunk[0] & 0x7F : chunk[0]
            let continuation = chunk.dropFirst().map { 0x80 | $0 & 0x3F }
            switch lead {
            case 0xC2...0xDF: return [lead] + continuation.prefix(1)
            case 0xE0...0xEF: return [lead] + continuation.prefix(2)
            case 0xF0...0xF4: return [lead] + continuation.prefix(3)
            default: return [lead]
            }
        }
    }.filter { String(validating: $0, as: UTF8.self) != nil }
}
