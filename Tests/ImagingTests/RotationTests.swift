import PropertyBased
import Testing
@testable import Imaging

private let randomBitmaps = Gen.int(in: 1...70).array(of: 2).map { size -> Bitmap in
    var bitmap = Bitmap(width: size[0], height: size[1])
    for y in 0..<bitmap.height { for x in 0..<bitmap.width { bitmap[x, y] = .random() } }
    return bitmap
}

@Suite("Rotation")
struct RotationTests {
    @Test("Four quarter turns, or a turn and its reverse, give back the bitmap")
    func identity() async {
        await propertyCheck(count: 60, input: randomBitmaps, Gen.int(in: -9...9)) { bitmap, turns in
            #expect(bitmap.rotated(by: 1).rotated(by: 1).rotated(by: 1).rotated(by: 1) == bitmap)
            #expect(bitmap.rotated(by: turns).rotated(by: -turns) == bitmap)
            #expect(bitmap.rotated(by: turns + 4) == bitmap.rotated(by: turns))
        }
    }

    @Test("A quarter turn clockwise moves (x, y) to (height − 1 − y, x) and swaps the sides")
    func quarterTurn() async {
        await propertyCheck(count: 60, input: randomBitmaps) { bitmap in
            let turned = bitmap.rotated(by: 1)
            #expect(turned.width == bitmap.height && turned.height == bitmap.width)
            for y in 0..<bitmap.height {
                for x in 0..<bitmap.width where turned[bitmap.height - 1 - y, x] != bitmap[x, y] {
                    Issue.record("pixel (\(x), \(y)) of a \(bitmap.width)×\(bitmap.height) bitmap moved wrongly")
                }
            }
        }
    }

    @Test("Half and three-quarter turns are two and three quarter turns")
    func composed() async {
        await propertyCheck(count: 40, input: randomBitmaps) { bitmap in
            #expect(bitmap.rotated(by: 2) == bitmap.rotated(by: 1).rotated(by: 1))
            #expect(bitmap.rotated(by: 3) == bitmap.rotated(by: 2).rotated(by: 1))
            #expect(bitmap.rotated(by: -1) == bitmap.rotated(by: 3))
        }
    }
}
