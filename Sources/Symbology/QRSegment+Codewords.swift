extension QRSegment {
    /// The data codewords of a symbol (ISO/IEC 18004 7.4.9–7.4.10): the segments, a terminator
    /// of up to four zero bits, zero bits to the byte boundary, then pad codewords 0xEC and 0x11
    /// in turn until `capacity` codewords. The segments must fit.
    static func dataCodewords(for segments: [QRSegment], in version: QRVersion, capacity: Int) -> [UInt8] {
        var stream = QRBitBuffer()
        for segment in segments { segment.append(to: &stream, in: version) }
        let capacityBits = capacity * 8
        precondition(stream.count <= capacityBits, "the segments do not fit the symbol")
        stream.append(0, width: min(4, capacityBits - stream.count))
        stream.append(0, width: (8 - stream.count % 8) % 8)
        var codewords = stream.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        return codewords
    }
}
