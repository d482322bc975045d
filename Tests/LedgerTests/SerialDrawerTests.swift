import Testing
import TraceCodes
@testable import Ledger

@Suite("Serial drawer")
struct SerialDrawerTests {
    @Test("Serials have the batch's length and only alphabet symbols", arguments: RandomSerialGenerator<SystemRandomNumberGenerator>.allowedLengths)
    func lengthAndAlphabet(length: Int) throws {
        var drawer = try SerialDrawer(length: length)
        for _ in 0..<200 {
            let serial = drawer.next()
            #expect(serial.count == length)
            #expect(serial.allSatisfy(SerialAlphabet.contains))
        }
    }

    /// Each position of a uniform serial shows every symbol about equally often; a bias in
    /// the base-33 split (the first or last digit of a draw, or the seam at 12 characters)
    /// would show here.
    @Test("Every position takes every symbol about equally often")
    func uniformPositions() throws {
        var drawer = try SerialDrawer(length: 14)
        let draws = 33 * 600
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 33), count: 14)
        for _ in 0..<draws {
            for (position, byte) in drawer.next().utf8.enumerated() {
                counts[position][SerialDrawer.symbols.firstIndex(of: byte)!] += 1
            }
        }
        for position in counts {
            // 600 expected; ±7 standard deviations.
            #expect(position.allSatisfy { (430...770).contains($0) })
        }
    }

    @Test("A length outside 6 to 20 is refused")
    func badLength() {
        #expect(throws: (any Error).self) { try SerialDrawer(length: 5) }
        #expect(throws: (any Error).self) { try SerialDrawer(length: 21) }
    }
}
