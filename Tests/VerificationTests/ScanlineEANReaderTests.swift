import Imaging
import PropertyBased
import Symbology
import Testing
@testable import Verification

/// Our own EAN/UPC reader: it must read symbols whose quiet zone a frame has trimmed, and
/// never read what is not there.
@Suite("The scan-line EAN/UPC reader")
struct ScanlineEANReaderTests {
    static let reader = ScanlineEANReader(symbologies: [.ean13, .upcA, .ean8], readsAddOns: true)
    static let digits = Gen.int(in: 0...9).array(of: 12)
    /// Module size, light modules left before the frame, frame width (0: the image border).
    static let layout = zip(Gen.int(in: 2...4), Gen.element(of: [2.0, 2.5, 3.0]).map { $0! }, Gen.element(of: [0, 5, 8]).map { $0! })

    static func texts(_ image: GrayImage, reader: ScanlineEANReader = reader) -> [String] {
        reader.read(image).map { String(decoding: $0.data, as: UTF8.self) }
    }

    static func text(_ digits: [Int]) -> String { digits.map(String.init).joined() }

    @Test("an EAN-13 or UPC-A with 2 to 3 modules before a frame reads back, either way up, blurred or not")
    func ean13NarrowQuietZone() async {
        await propertyCheck(count: 60, input: Self.digits, Self.layout, Gen.bool, Gen.bool) { body, layout, upsideDown, blur in
            let digits = body + [EANDrawing.checkDigit(body)]
            let (size, right, frame) = layout
            var image = EANDrawing.image(EANDrawing.ean13(digits), moduleSize: size, left: 11, right: right, frame: frame, blur: blur)
            if upsideDown { image = EANDrawing.upsideDown(image) }
            #expect(Self.texts(image) == [Self.text(digits)])
            let symbol = Self.reader.read(image).first
            #expect(symbol?.symbology == (digits[0] == 0 ? .upcA : .ean13))
        }
    }

    @Test("an EAN-8 with a narrow quiet zone on the left reads back")
    func ean8NarrowLeft() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...9).array(of: 7), Self.layout) { body, layout in
            let digits = body + [EANDrawing.checkDigit(body)]
            let (size, narrow, frame) = layout
            // Drawn with the narrow side on the right, then turned: the frame is on the left.
            let image = EANDrawing.upsideDown(EANDrawing.image(EANDrawing.ean8(digits), moduleSize: size, left: 7, right: narrow, frame: frame))
            #expect(Self.texts(image) == [Self.text(digits)])
        }
    }

    @Test("the symbols the station renders read back with their quiet zone trimmed to 2 modules; through the decoder, never as another number")
    func renderedThroughDecoder() async throws {
        await propertyCheck(count: 20, input: Self.digits, Gen.int(in: 2...4)) { body, size in
            let text = Self.text(body) + String(EANDrawing.checkDigit(body))
            let modules = try EAN13.pattern(for: Array(text.utf8)).modules
            #expect(modules == EANDrawing.ean13(text.map { Int(String($0))! }))
            let image = EANDrawing.image(modules, moduleSize: size, left: 11, right: 2, frame: 6, blur: true)
            #expect(Self.texts(image) == [text])
            // The decoder may miss one: where zbar or zxing-cpp read the blurred edge beside
            // the frame as something else (6082077000002 at 2 dots a module), the reads
            // contradict and none is reported (`ReadEvidence`); a wrong number, never.
            let symbols = try BarcodeDecoder(options: .init(symbologies: [.ean13], timeBudget: .seconds(10))).decode(image)
            #expect(symbols.allSatisfy { $0.text == text })
        }
    }

    @Test("an EAN-5 or EAN-2 add-on close to a label's edge is appended")
    func addOn() async {
        await propertyCheck(count: 40, input: Self.digits, Gen.int(in: 0...9).array(of: 5), Gen.bool, Gen.int(in: 2...3)) { body, five, isEAN2, size in
            let digits = body + [EANDrawing.checkDigit(body)]
            let addOn = isEAN2 ? Array(five.prefix(2)) : five
            let modules = EANDrawing.ean13(digits) + Array(repeating: false, count: 9) + EANDrawing.addOn(addOn)
            let image = EANDrawing.image(modules, moduleSize: size, left: 11, right: 2, frame: 6)
            #expect(Self.texts(image) == [Self.text(digits + addOn)])
            let withoutAddOns = ScanlineEANReader(symbologies: [.ean13], readsAddOns: false)
            #expect(Self.texts(image, reader: withoutAddOns) == [Self.text(digits)])
        }
    }

    @Test("a wrong check digit reads as nothing")
    func wrongCheckDigit() async {
        await propertyCheck(count: 40, input: Self.digits, Gen.int(in: 1...9)) { body, offset in
            let digits = body + [(EANDrawing.checkDigit(body) + offset) % 10]
            let image = EANDrawing.image(EANDrawing.ean13(digits), moduleSize: 3, left: 11, right: 7, frame: 0)
            #expect(Self.texts(image).isEmpty)
        }
    }

    @Test("narrow quiet zones on both sides, or one without a frame beside it, read as nothing")
    func quietZones() async {
        await propertyCheck(count: 30, input: Self.digits) { body in
            let modules = EANDrawing.ean13(body + [EANDrawing.checkDigit(body)])
            // 2 modules then a frame on the right, only 4 on the left: neither side is a full quiet zone.
            #expect(Self.texts(EANDrawing.image(modules, moduleSize: 3, left: 4, right: 2, frame: 5)).isEmpty)
            // Both full: the same symbol reads.
            #expect(Self.texts(EANDrawing.image(modules, moduleSize: 3, left: 11, right: 7, frame: 5)).count == 1)
            // 2 modules, then a bar of 2 modules: bars of another symbol, not a frame.
            let bars = EANDrawing.image(modules + [false, false, true, true, false, false, true], moduleSize: 3, left: 11, right: 0, frame: 0)
            #expect(Self.texts(bars).isEmpty)
        }
    }

    @Test("a symbol seen on fewer lines than must agree reads as nothing")
    func agreement() {
        let body = [4, 0, 0, 6, 3, 8, 1, 3, 3, 3, 9, 3]
        let modules = EANDrawing.ean13(body + [EANDrawing.checkDigit(body)])
        #expect(Self.texts(EANDrawing.image(modules, moduleSize: 3, left: 11, right: 7, frame: 0, height: 12)).count == 1)
        // Lines are 3 rows apart: 5 bar rows give 2 lines.
        #expect(Self.texts(EANDrawing.image(modules, moduleSize: 3, left: 11, right: 7, frame: 0, height: 5)).isEmpty)
    }

    @Test("random noise and random stripes read as nothing")
    func noReadInNoise() async {
        await propertyCheck(count: 60, input: Gen<UInt8>.value(in: 0...255).array(of: 300 * 40), Gen.int(in: 1...4).array(of: 80...140)) { noise, runs in
            #expect(Self.texts(GrayImage(width: 300, height: 40, pixels: noise)).isEmpty)
            // Random bars and spaces of 1 to 4 modules between wide quiet zones, as on a symbol.
            let modules = runs.enumerated().flatMap { Array(repeating: $0.offset.isMultiple(of: 2), count: $0.element) }
            #expect(Self.texts(EANDrawing.image(modules, moduleSize: 2, left: 11, right: 2, frame: 6)).isEmpty)
        }
    }
}
