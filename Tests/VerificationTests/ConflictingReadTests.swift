import PropertyBased
import Testing
@testable import Verification

/// Two texts read of one EAN-13: the one two decoders read in independent attempts wins over
/// one that a single decoder read, however often; in every other case neither is reported.
@Suite("Conflicting reads of one place")
struct ConflictingReadTests {
    typealias Attempt = BarcodeDecoder.Attempt

    static let body = Gen.int(in: 0...9).array(of: 12)
    /// The image as given, then the copies of a photo and of a small image, each once.
    static let copies: [Attempt] = ([Attempt(1)] + Attempt.plan(shortSide: 500) + Attempt.plan(shortSide: 300)).reduce(into: []) { copies, attempt in
        if !copies.contains(where: { $0.factor == attempt.factor && $0.enhancement == attempt.enhancement }) { copies.append(attempt) }
    }
    static let copy = Gen.int(in: 0...(copies.count - 1))
    static let lone = Gen.bool.map { $0 ? RawSymbol.Source.zbar : .zxing }
    static let modes = Gen.int(in: 0...2).map { [BarcodeDecoder.Options.EANAddOns.confirmed, .never, .always][$0] }

    /// A read of `text` by `decoder` in `copy`, placed a few pixels off the symbol at (200, 100).
    static func read(_ text: String, by decoder: RawSymbol.Source, in copy: Attempt, offset: Int) -> ReadEvidence.Read {
        let (x, y) = (200 + offset, 100 - offset)
        let points = [(x, y), (x + 190, y), (x + 190, y + 60), (x, y + 60)].map { DecodedSymbol.Point(x: $0.0, y: $0.1) }
        let symbol = RawSymbol(symbology: .ean13, data: Array(text.utf8), isGS1: false, points: points, source: decoder)
        return (symbol, Attempt(copy.factor, copy.enhancement, by: decoder))
    }

    /// Two different numbers: `body` with its last digit, and with it one higher.
    static func texts(_ body: [Int]) -> (String, String) {
        let text = body.map(String.init).joined()
        return (text + "0", text + "1")
    }

    static func accepted(_ reads: [ReadEvidence.Read], mode: BarcodeDecoder.Options.EANAddOns) -> [String] {
        var evidence = ReadEvidence(requiresAgreement: false, addOns: mode)
        for read in reads { evidence.add([read.symbol], from: read.attempt) }
        return evidence.accepted().map { String(decoding: $0.data, as: UTF8.self) }
    }

    @Test("read by zbar and zxing-cpp in independent copies, a number wins over another that one decoder read in one to three copies")
    func twoDecodersWin() async {
        await propertyCheck(count: 200, input: Self.body, zip(Self.copy, Self.copy), Self.copy.array(of: 1...3), zip(Self.lone, Self.modes, Gen.int(in: -8...8))) { body, pair, rivalCopies, setting in
            let (zbarCopy, zxingCopy) = pair, (decoder, mode, offset) = setting
            guard zbarCopy != zxingCopy else { return }
            let (winner, rival) = Self.texts(body)
            let reads = [
                Self.read(winner, by: .zbar, in: Self.copies[zbarCopy], offset: offset),
                Self.read(winner, by: .zxing, in: Self.copies[zxingCopy], offset: -offset),
            ] + rivalCopies.map { Self.read(rival, by: decoder, in: Self.copies[$0], offset: offset / 2) }
            #expect(Self.accepted(reads.shuffled(), mode: mode) == [winner])
        }
    }

    @Test("a number that one decoder read beside another that the other decoder read, each in any copies, gives nothing")
    func oneDecoderEachGivesNothing() async {
        await propertyCheck(count: 200, input: Self.body, Self.copy.array(of: 1...3), Self.copy.array(of: 1...3), zip(Self.lone, Self.modes, Gen.int(in: -8...8))) { body, firstCopies, secondCopies, setting in
            let (decoder, mode, offset) = setting
            let other: RawSymbol.Source = decoder == .zbar ? .zxing : .zbar
            let (first, second) = Self.texts(body)
            let reads = firstCopies.map { Self.read(first, by: decoder, in: Self.copies[$0], offset: offset) }
                + secondCopies.map { Self.read(second, by: other, in: Self.copies[$0], offset: -offset) }
            #expect(Self.accepted(reads.shuffled(), mode: mode).isEmpty)
        }
    }

    @Test("two numbers that both decoders read, or one that both read in the same copy only, against another give nothing")
    func noClearWinnerGivesNothing() async {
        await propertyCheck(count: 200, input: Self.body, zip(Self.copy, Self.copy), zip(Self.copy, Self.copy), zip(Self.lone, Self.modes, Gen.bool)) { body, pair, rivalPair, setting in
            let (decoder, mode, sameCopy) = setting
            let (first, second) = Self.texts(body)
            // The first number: both decoders, in independent copies or in one copy.
            let firstCopies = sameCopy ? (pair.0, pair.0) : pair
            guard sameCopy || pair.0 != pair.1 else { return }
            var reads = [
                Self.read(first, by: .zbar, in: Self.copies[firstCopies.0], offset: 2),
                Self.read(first, by: .zxing, in: Self.copies[firstCopies.1], offset: -2),
            ]
            // The second: both decoders in any copies against a first read in independent
            // copies; one decoder against a first read in one copy only.
            reads += sameCopy
                ? [Self.read(second, by: decoder, in: Self.copies[rivalPair.0], offset: 0)]
                : [Self.read(second, by: .zbar, in: Self.copies[rivalPair.0], offset: 0), Self.read(second, by: .zxing, in: Self.copies[rivalPair.1], offset: 1)]
            #expect(Self.accepted(reads.shuffled(), mode: mode).isEmpty)
        }
    }

    @Test("with the add-on expected, the number two decoders read wins with the add-on read of it")
    func twoDecodersWinWithAddOn() async {
        await propertyCheck(count: 100, input: Self.body, zip(Self.copy, Self.copy), Self.copy.array(of: 1...3), Gen.int(in: 0...9).array(of: 5)) { body, pair, rivalCopies, addOn in
            guard pair.0 != pair.1 else { return }
            let (winner, rival) = Self.texts(body)
            let addOnText = addOn.map(String.init).joined()
            let full = Self.read(winner + addOnText, by: .zxing, in: Self.copies[pair.1], offset: 0)
            let reads = [Self.read(winner, by: .zbar, in: Self.copies[pair.0], offset: 1), full]
                + rivalCopies.map { Self.read(rival, by: .zbar, in: Self.copies[$0], offset: 3) }
            #expect(Self.accepted(reads.shuffled(), mode: .expected) == [winner + addOnText])
        }
    }
}
