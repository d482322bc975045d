import PropertyBased
import Testing
@testable import TraceCodes

@Suite("Serial generators")
struct SerialGeneratorTests {
    @Test("The alphabet has 33 symbols without I, O and Q, all valid in CSET 82 and the GB/T 33993 set")
    func alphabet() {
        #expect(SerialAlphabet.symbols.count == 33)
        #expect(Set(SerialAlphabet.symbols).count == 33)
        #expect(!SerialAlphabet.symbols.contains { "IOQ".contains($0) })
        #expect(SerialAlphabet.symbols.allSatisfy { GS1CharacterSet.gbt33993.contains($0) && PercentEncoding.encode(String($0)) == String($0) })
        #expect(abs(SerialAlphabet.bitsPerCharacter - 5.0443941) < 1e-6)
    }

    @Test("Random serials have the asked length and only alphabet symbols")
    func randomSerialsHaveLengthAndAlphabet() async {
        await propertyCheck(count: 200, input: Gen.int(in: 6...20), Gen.int(in: 0...Int.max)) { length, seed in
            var generator = try RandomSerialGenerator(length: length, source: SplitMix64(seed: UInt64(seed)))
            let serial = try generator.next()
            #expect(serial.count == length)
            #expect(serial.allSatisfy(SerialAlphabet.contains))
        }
    }

    @Test("The system CSPRNG generator gives distinct 12-character serials")
    func systemGenerator() throws {
        var generator = try RandomSerialGenerator()
        let serials = try generator.next(1000)
        #expect(generator.length == 12)
        #expect(Set(serials).count == 1000)
        #expect(abs(generator.entropyBits - 60.53) < 0.01)
    }

    @Test("Random serial lengths outside 6 to 20 are refused", arguments: [0, 5, 21, 100])
    func refusesLengths(_ length: Int) {
        let error = #expect(throws: TraceCodeError.self) { try RandomSerialGenerator(length: length) }
        #expect(error?.rule == .outOfRange("must be 6 to 20 characters"))
    }

    @Test("Random serials use every symbol roughly equally")
    func randomSerialsAreUniform() throws {
        var generator = try RandomSerialGenerator(length: 20, source: SplitMix64(seed: 42))
        var counts: [Character: Int] = [:]
        for serial in try generator.next(3300) {
            for character in serial { counts[character, default: 0] += 1 }
        }
        // 66,000 draws, 2,000 expected per symbol; ±15% is far outside chance for a fair draw.
        #expect(counts.count == 33)
        #expect(counts.values.allSatisfy { (1700...2300).contains($0) })
    }

    @Test("Sequential serials are zero-padded and never repeat")
    func sequentialNeverRepeats() async {
        await propertyCheck(count: 50, input: Gen.int(in: 0...1_000_000), Gen.int(in: 7...12), Gen.int(in: 1...500)) { start, width, count in
            var generator = try SequentialSerialGenerator(counter: UInt64(start), width: width)
            let serials = try generator.next(count)
            #expect(Set(serials).count == count)
            #expect(serials.allSatisfy { $0.count == width })
            #expect(serials.first == String(start).leftPadded(to: width))
            #expect(generator.counter == UInt64(start + count))
        }
    }

    @Test("A sequential generator restarts from a stored counter")
    func restartsFromCounter() throws {
        var first = try SequentialSerialGenerator(width: 6)
        _ = try first.next(41)
        var restarted = try SequentialSerialGenerator(counter: first.counter, width: 6)
        #expect(try first.next() == "000042")
        #expect(try restarted.next() == "000042")
    }

    @Test("A sequential generator stops when its width is used up")
    func stopsWhenExhausted() throws {
        var generator = try SequentialSerialGenerator(counter: 98, width: 2)
        #expect(try generator.next(2) == ["98", "99"])
        #expect(throws: TraceCodeError.self) { try generator.next() }
        #expect(throws: TraceCodeError.self) { try SequentialSerialGenerator(counter: 100, width: 2) }
        #expect(throws: TraceCodeError.self) { try SequentialSerialGenerator(width: 20) }
    }

    @Test("Check characters match published examples")
    func checkCharacters() throws {
        #expect(SerialCheckCharacter.iso7064Mod11_10.compute(for: "0794") == "5")  // ISO/IEC 7064 example
        #expect(SerialCheckCharacter.gs1Mod10.compute(for: "0690123456789") == "2")
        var generator = try SequentialSerialGenerator(counter: 794, width: 4, checkCharacter: .iso7064Mod11_10)
        #expect(try generator.next() == "07945")
    }

    @Test("Both check characters catch every single-digit change", arguments: SerialCheckCharacter.allCases)
    func checkCharactersCatchSubstitutions(_ check: SerialCheckCharacter) async {
        await propertyCheck(count: 200, input: Gen.number.string(of: 8), Gen.int(in: 0...7), Gen.int(in: 1...9)) { digits, position, shift in
            var changed = Array(digits)
            changed[position] = Character(String((Int(changed[position].asciiValue! - 48) + shift) % 10))
            #expect(check.compute(for: String(changed)) != check.compute(for: digits))
        }
    }

    @Test("MOD 11,10 catches a swap of digits differing by 5, which GS1 mod 10 misses")
    func mod11_10CatchesSwapMod10Misses() {
        #expect(SerialCheckCharacter.gs1Mod10.compute(for: "123405") == SerialCheckCharacter.gs1Mod10.compute(for: "123450"))
        #expect(SerialCheckCharacter.iso7064Mod11_10.compute(for: "123405") != SerialCheckCharacter.iso7064Mod11_10.compute(for: "123450"))
    }
}

@Suite("Random serial draws")
struct RandomSerialDrawTests {
    /// Each position of a uniform serial shows every symbol about equally often; a bias in
    /// the base-33 split (the first or last digit of a draw, or the seam at 12 characters)
    /// would show here.
    @Test("Every position takes every symbol about equally often, across the 12-character seam")
    func uniformPositions() throws {
        var serials = try RandomSerialGenerator(length: 14, source: BufferedSystemRandom())
        let draws = 33 * 600
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 33), count: 14)
        for _ in 0..<draws {
            for (position, character) in try serials.next().enumerated() {
                counts[position][SerialAlphabet.symbols.firstIndex(of: character)!] += 1
            }
        }
        for position in counts {
            // 600 expected; ±7 standard deviations.
            #expect(position.allSatisfy { (430...770).contains($0) })
        }
    }

    @Test("The buffered system source gives serials of every allowed length over the alphabet", arguments: 6...20)
    func bufferedLengths(length: Int) throws {
        var serials = try RandomSerialGenerator(length: length, source: BufferedSystemRandom())
        var seen = Set<String>()
        for _ in 0..<300 {
            let serial = try serials.next()
            #expect(serial.count == length && serial.allSatisfy(SerialAlphabet.contains))
            seen.insert(serial)
        }
        // From 10 characters on, a repeat among 300 is below one in 10¹⁰: no luck involved.
        if length >= 10 { #expect(seen.count == 300) }
    }
}
