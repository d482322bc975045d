import Crypto

/// Cryptographically random numbers drawn from the system in 4 KiB blocks.
///
/// `SystemRandomNumberGenerator` makes one system call per 8 bytes, which would cost more than
/// the rest of issuing a code; this asks swift-crypto's CSPRNG for 512 numbers at a time.
struct BufferedRandomSource: RandomNumberGenerator, Sendable {
    private var buffer: [UInt64] = []
    private var index = 0

    mutating func next() -> UInt64 {
        if index == buffer.count {
            let key = SymmetricKey(size: SymmetricKeySize(bitCount: 512 * 64))
            buffer = key.withUnsafeBytes { bytes in
                (0..<512).map { bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
            }
            index = 0
        }
        defer { index += 1 }
        return buffer[index]
    }
}
