/// Bits in the order a QR bit stream is written, most significant bit first, packed into bytes.
struct QRBitBuffer: Equatable, Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    /// Appends the low `width` bits of `value`, most significant first.
    mutating func append(_ value: Int, width: Int) {
        precondition(width >= 0 && value >> width == 0, "the value does not fit the field width")
        for shift in stride(from: width - 1, through: 0, by: -1) {
            if count % 8 == 0 { bytes.append(0) }
            if (value >> shift) & 1 != 0 { bytes[bytes.count - 1] |= 0x80 >> UInt8(count % 8) }
            count += 1
        }
    }
}

extension QRBitBuffer {
    /// Appends every bit of `other`.
    mutating func append(_ other: QRBitBuffer) {
        for index in 0..<other.count {
            append(Int(other.bytes[index / 8] >> UInt8(7 - index % 8)) & 1, width: 1)
        }
    }
}
