extension TextDecoding {
    /// The share of common characters among the non-ASCII characters of `bytes` read as
    /// `charset`, from 0 to 1; punctuation rows count half, so text of symbols alone scores 0.5.
    ///
    /// "Common" is each set's own frequency block, found from the lead byte: GB2312 level-1
    /// hanzi (lead 0xB0–0xD7), Big5 frequently used characters (lead 0xA4–0xC6), Shift_JIS
    /// kana and JIS level-1 kanji (lead 0x82–0x83, 0x88–0x98). GBK text read as Big5, or Big5
    /// text read as GB18030, lands mostly outside those blocks.
    static func commonShare(of bytes: [UInt8], as charset: Charset) -> Double {
        var common = 0.0, total = 0.0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let (length, weight) = classify(lead: lead, next: index + 1 < bytes.endIndex ? bytes[index + 1] : nil, charset)
            if let weight {
                common += weight
                total += 1
            }
            index += length
        }
        return total == 0 ? 0 : common / total
    }

    /// How many bytes the character at `lead` takes, and how common it is (nil for ASCII).
    private static func classify(lead: UInt8, next: UInt8?, _ charset: Charset) -> (length: Int, weight: Double?) {
        if lead < 0x80 { return (1, nil) }
        switch charset {
        case .gb18030:
            if let next, (0x30...0x39).contains(next) { return (4, 0) }  // four-byte: rare characters
            switch lead {
            case 0xB0...0xD7: return (2, 1)
            case 0xA1...0xA9: return (2, 0.5)
            default: return (2, 0)
            }
        case .big5:
            switch lead {
            case 0xA4...0xC6: return (2, 1)
            case 0xA1...0xA3: return (2, 0.5)
            default: return (2, 0)
            }
        case .shiftJIS:
            switch lead {
            case 0xA1...0xDF: return (1, 0)  // half-width katakana
            case 0x82, 0x83, 0x88...0x98: return (2, 1)
            case 0x81: return (2, 0.5)
            default: return (2, 0)
            }
        case .utf8, .latin1:
            return (1, 0)
        }
    }
}
