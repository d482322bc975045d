#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cryptographically random numbers from the system, fetched 8 KiB at a time.
///
/// `SystemRandomNumberGenerator` makes one system call per 8 bytes; issuing codes in blocks
/// spent half its time there. Same kernel source, one read per 1,024 numbers.
public struct BufferedSystemRandom: RandomNumberGenerator, Sendable {
    private var buffer = [UInt64](repeating: 0, count: 1024)
    private var index = 1024

    public init() {}

    public mutating func next() -> UInt64 {
        if index == buffer.count {
            buffer.withUnsafeMutableBytes(Self.fill)
            index = 0
        }
        defer { index += 1 }
        return buffer[index]
    }

    /// Reads the kernel CSPRNG through /dev/urandom, which Linux and macOS both have (Glibc's
    /// module does not declare `getrandom`).
    private static func fill(_ bytes: UnsafeMutableRawBufferPointer) {
        let file = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        precondition(file >= 0, "cannot open /dev/urandom: errno \(errno)")
        defer { close(file) }
        var filled = 0
        while filled < bytes.count {
            let count = read(file, bytes.baseAddress! + filled, bytes.count - filled)
            if count > 0 { filled += count } else { precondition(count < 0 && errno == EINTR, "cannot read /dev/urandom: errno \(errno)") }
        }
    }
}
