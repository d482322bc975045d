import PropertyBased
import Testing
@testable import Imaging

@Suite("Scaling and thresholds")
struct ScalingTests {
    @Test("Halving a two-by-two checker averages it to mid-gray; doubling keeps the size ratio")
    func scale() {
        let checker = GrayImage(width: 2, height: 2, pixels: [0, 255, 255, 0])
        #expect(checker.scaled(by: 0.5).pixels == [128])
        let doubled = checker.scaled(by: 2)
        #expect(doubled.width == 4 && doubled.height == 4)
        #expect(doubled[0, 0] == 0 && doubled[3, 0] == 255)
    }

    @Test("A thresholded gray image of a bitmap is that bitmap; inverting twice is the identity")
    func thresholdAndInvert() async {
        await propertyCheck(count: 30, input: Gen.int(in: 1...40).array(of: 2)) { size in
            var bitmap = Bitmap(width: size[0], height: size[1])
            for y in 0..<size[1] { for x in 0..<size[0] { bitmap[x, y] = .random() } }
            let gray = bitmap.grayImage()
            #expect(gray.thresholded() == bitmap)
            #expect(gray.inverted().inverted() == gray)
        }
    }

    @Test("Filling a rectangle sets exactly the pixels inside it, clipped to the bitmap")
    func fill() async {
        await propertyCheck(count: 60, input: Gen.int(in: -10...40).array(of: 4)) { r in
            var bitmap = Bitmap(width: 30, height: 20)
            bitmap.fill(x: r[0], y: r[1], width: r[2], height: r[3])
            for y in 0..<20 {
                for x in 0..<30 {
                    let inside = x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3]
                    #expect(bitmap[x, y] == inside)
                }
            }
        }
    }
}

@Suite("Drawing")
struct DrawingTests {
    @Test("Drawing a bitmap into another paints its ink at the offset in every mode, clipped at every edge")
    func draw() async {
        let modes = Gen.element(of: [Bitmap.PaintMode.ink, .reverse, .erase])
        await propertyCheck(count: 150, input: Gen.int(in: 1...40).array(of: 4), Gen.int(in: -60...60).array(of: 2), modes) { sizes, offset, mode in
            var stamp = Bitmap(width: sizes[0], height: sizes[1])
            for y in 0..<stamp.height { for x in 0..<stamp.width { stamp[x, y] = .random() } }
            var canvas = Bitmap(width: sizes[2], height: sizes[3])
            canvas.fill(x: sizes[2] / 3, y: 0, width: 3, height: sizes[3])
            let before = canvas
            canvas.draw(stamp, x: offset[0], y: offset[1], mode: mode!)
            for y in 0..<canvas.height {
                for x in 0..<canvas.width {
                    let sx = x - offset[0], sy = y - offset[1]
                    let fromStamp = (0..<stamp.width).contains(sx) && (0..<stamp.height).contains(sy) && stamp[sx, sy]
                    let expected = switch mode! {
                    case .ink: fromStamp || before[x, y]
                    case .reverse: fromStamp != before[x, y]
                    case .erase: before[x, y] && !fromStamp
                    }
                    #expect(canvas[x, y] == expected)
                }
            }
            // Bits past the width in each row's last byte stay clear, as `Bitmap` promises.
            #expect(canvas.grayImage().thresholded() == canvas)
        }
    }
}
