import Foundation
import Testing
import Verification

@Suite("Choosing the character set of symbol bytes")
struct TextDecodingTests {
    @Test("valid UTF-8 is read as UTF-8, without its byte order mark")
    func utf8() {
        #expect(TextDecoding.decode(Array("中文 ABC".utf8)) == ("中文 ABC", .utf8))
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("é".utf8)) == ("é", .utf8))
    }

    @Test("legacy CJK bytes are read in the set whose common characters they form", arguments: [
        // 产品追溯码 in GBK, 產品追溯碼 in Big5, 製品番号です in Shift_JIS.
        ([0xB2, 0xFA, 0xC6, 0xB7, 0xD7, 0xB7, 0xCB, 0xDD, 0xC2, 0xEB], "产品追溯码", TextDecoding.Charset.gb18030),
        ([0xB2, 0xA3, 0xAB, 0x7E, 0xB0, 0x6C, 0xB7, 0xB9, 0xBD, 0x58], "產品追溯碼", .big5),
        ([0x90, 0xBB, 0x95, 0x69, 0x94, 0xD4, 0x8D, 0x86, 0x82, 0xC5, 0x82, 0xB7], "製品番号です", .shiftJIS),
    ] as [([UInt8], String, TextDecoding.Charset)])
    func legacy(bytes: [UInt8], text: String, charset: TextDecoding.Charset) {
        #expect(TextDecoding.decode(bytes) == (text, charset))
    }

    @Test("bytes no CJK reading explains are read as ISO 8859-1, keeping every byte")
    func latin1() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0xFF]
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded.charset == .latin1)
        #expect(decoded.text.unicodeScalars.map { UInt8($0.value) } == bytes)
    }
}
