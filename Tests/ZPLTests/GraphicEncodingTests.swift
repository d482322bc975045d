import PropertyBased
import Testing
@testable import ZPL

@Suite("Z64 and B64")
struct GraphicEncodingTests {
    static let bytes = Gen<UInt8>.value(in: 0...255).array(of: 0...600)
    /// Mostly blank rows, as label graphics are, so that compression has something to do.
    static let sparse = Gen<UInt8>.value(in: 0...255).map { $0 < 200 ? 0 : $0 }.array(of: 0...2000)

    @Test("CRC-16/XMODEM of \"123456789\" is 0x31C3")
    func crcVector() {
        #expect(CRC16.xmodem(Array("123456789".utf8)) == 0x31C3)
        #expect(CRC16.xmodem([UInt8]()) == 0)
    }

    @Test("Z64 decodes back to any bytes it encoded")
    func z64RoundTrip() async {
        await propertyCheck(count: 200, input: Gen.oneOf(Self.bytes, Self.sparse)) { bytes in
            let text = Z64.encode(bytes)
            #expect(text.hasPrefix(":Z64:"))
            let decoded = try Z64.decode(text, maximumSize: bytes.count)
            #expect(decoded == bytes)
        }
    }

    @Test("B64 decodes back to any bytes it encoded")
    func b64RoundTrip() async {
        await propertyCheck(count: 200, input: Self.bytes) { bytes in
            let text = B64.encode(bytes)
            #expect(text.hasPrefix(":B64:"))
            let decoded = try B64.decode(text)
            #expect(decoded == bytes)
        }
    }

    @Test("Z64 and B64 carry the CRC of their base64 text in four upper-case hex digits")
    func crcOverBase64Text() {
        for text in [Z64.encode(Array(repeating: 0xAA, count: 100)), B64.encode(Array("label".utf8))] {
            let parts = text.split(separator: ":")
            #expect(parts.count == 3)
            let crc = String(parts[2])
            #expect(crc.count == 4 && crc == crc.uppercased())
            #expect(UInt16(crc, radix: 16) == CRC16.xmodem(Array(parts[1].utf8)))
        }
        #expect(B64.encode(Array("label".utf8)).hasPrefix(":B64:bGFiZWw=:"))
    }

    @Test("A CRC in lower case or without leading zeros is read too")
    func lenientCRCForm() throws {
        let base64 = "bGFiZWw="
        let crc = CRC16.xmodem(Array(base64.utf8))
        #expect(try B64.decode(":B64:\(base64):\(String(crc, radix: 16))") == Array("label".utf8))
    }

    @Test("A wrong CRC is refused")
    func corruptCRC() {
        let text = Z64.encode(Array(repeating: 7, count: 50))
        let crc = UInt16(text.split(separator: ":")[2], radix: 16)!
        let wrong = String(text.dropLast(4)) + String(crc ^ 1, radix: 16, uppercase: true).leftPadded(to: 4)
        #expect(throws: ZPLError.self) { try Z64.decode(wrong, maximumSize: 100) }
    }

    @Test("Changed base64 text is refused by its CRC")
    func corruptBase64() {
        var text = Array(B64.encode(Array("a longer label payload".utf8)).utf8)
        text[7] = text[7] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(throws: ZPLError.self) { try B64.decode(String(decoding: text, as: UTF8.self)) }
    }

    @Test("Text outside the base64 alphabet is refused even with a matching CRC")
    func invalidBase64() {
        let base64 = "ab$d"
        let crc = String(CRC16.xmodem(Array(base64.utf8)), radix: 16, uppercase: true)
        #expect(throws: ZPLError("B64 data", .character(UInt8(ascii: "$"), position: 2,
                                                        allowed: "base64 (A-Z a-z 0-9 + /, = at the end)"))) {
            try B64.decode(":B64:\(base64):\(crc)")
        }
    }

    @Test("Text that is not a Z64 frame is refused")
    func malformedFrame() {
        for text in ["", ":Z64:", "Z64:abcd:1234", ":B64:AAAA:0000", ":Z64:AAAA:12345", ":Z64:AAAA:xyz"] {
            #expect(throws: ZPLError.self) { try Z64.decode(text, maximumSize: 100) }
        }
    }

    @Test("Z64 data that inflates beyond the limit is refused")
    func decompressionBomb() {
        let bomb = Z64.encode(Array(repeating: 0, count: 1_000_000))
        #expect(bomb.utf8.count < 10_000)
        #expect(throws: ZPLError.self) { try Z64.decode(bomb, maximumSize: 1_000) }
        #expect(throws: ZPLError.self) { try Z64.decode(bomb, maximumSize: 999_999) }
        #expect((try? Z64.decode(bomb, maximumSize: 1_000_000))?.count == 1_000_000)
    }

    @Test("Cut-short or trailing zlib data is refused even with a matching CRC")
    func truncatedZlib() {
        let compressed = Zlib.compress(Array(repeating: 42, count: 5000) + Array(0...255))
        for payload in [Array(compressed.dropLast(8)), compressed + [0]] {
            var frame: [UInt8] = []
            Base64Frame.append(kind: "Z64", payload: payload, to: &frame)
            let text = String(decoding: frame, as: UTF8.self)
            #expect(throws: ZPLError.self) { try Z64.decode(text, maximumSize: 10_000) }
        }
    }
}
