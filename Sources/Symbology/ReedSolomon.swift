/// Reed–Solomon error correction as QR uses it (ISO/IEC 18004 7.5.2): arithmetic in GF(256)
/// with the field polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D), generator roots α⁰ … αⁿ⁻¹.
struct ReedSolomon: Sendable {
    /// Generator polynomial coefficients after the leading 1, highest degree first.
    let generator: [UInt8]

    /// A code that appends `degree` error correction codewords to each block.
    init(degree: Int) {
        var polynomial: [UInt8] = [1]
        for root in 0..<degree {
            // Multiply by (x − αʳᵒᵒᵗ); in GF(2⁸) subtraction is XOR.
            var next = polynomial + [0]
            for index in 1..<next.count {
                next[index] ^= Self.multiply(polynomial[index - 1], Self.exponent[root])
            }
            polynomial = next
        }
        generator = Array(polynomial.dropFirst())
    }

    /// The error correction codewords of one block: the remainder of data·xⁿ divided by the
    /// generator, computed as a shift register.
    func errorCorrection(for data: some Sequence<UInt8>) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ remainder[0]
            for index in 0..<remainder.count - 1 {
                remainder[index] = remainder[index + 1] ^ Self.multiply(generator[index], factor)
            }
            remainder[remainder.count - 1] = Self.multiply(generator[remainder.count - 1], factor)
        }
        return remainder
    }

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        guard a != 0, b != 0 else { return 0 }
        return exponent[logarithm[Int(a)] + logarithm[Int(b)]]
    }

    /// αⁱ for i in 0..<510, twice round the field so a sum of two logarithms needs no modulo.
    private static let exponent: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            table[power + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// log_α(v) for v in 1…255 (entry 0 is unused).
    private static let logarithm: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 { table[Int(exponent[power])] = power }
        return table
    }()
}
