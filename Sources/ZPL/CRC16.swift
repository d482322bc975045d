/// CRC-16/XMODEM (polynomial 0x1021, initial value 0, no reflection, no final XOR): the check
/// of `:Z64:` and `:B64:` data, computed over the base64 text.
public enum CRC16 {
    public static func xmodem(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc = (crc << 8) ^ table[Int((crc >> 8) ^ UInt16(byte))]
        }
        return crc
    }

    private static let table: [UInt16] = (0...255).map { index in
        var crc = UInt16(index) << 8
        for _ in 0..<8 {
            crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1
        }
        return crc
    }
}
