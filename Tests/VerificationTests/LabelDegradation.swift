import Foundation
import Imaging
import Symbology

/// Labels rendered by the station and degraded on purpose, as a camera and a worn print head
/// would: every operation is deterministic, so a failing case can be rerun.
enum LabelDegradation {
    /// `text` as `kind`, `moduleSize` dots a module, on a light 640×480 ground at (`x`, `y`).
    static func label(_ kind: SymbologyKind, _ text: String, moduleSize: Int, at origin: (x: Int, y: Int) = (60, 60)) -> GrayImage {
        let symbol = try! Symbol.render(kind, text: text, options: RenderOptions(moduleSize: moduleSize)).grayImage()
        var image = GrayImage(width: max(640, symbol.width + 2 * origin.x), height: max(480, symbol.height + 2 * origin.y), fill: 235)
        for y in 0..<symbol.height {
            for x in 0..<symbol.width {
                image[origin.x + x, origin.y + y] = symbol[x, y]
            }
        }
        return image
    }

    /// A box blur of `radius`, applied twice (close to a Gaussian): defocus.
    static func blurred(_ image: GrayImage, radius: Int) -> GrayImage {
        guard radius > 0 else { return image }
        var out = image
        for _ in 0..<2 {
            out = boxed(out, radius: radius, horizontal: true)
            out = boxed(out, radius: radius, horizontal: false)
        }
        return out
    }

    /// Dark `low` and light `high` instead of 0 and 255: faded ribbon, poor light.
    static func contrast(_ image: GrayImage, low: UInt8, high: UInt8) -> GrayImage {
        GrayImage(width: image.width, height: image.height, pixels: image.pixels.map {
            UInt8(Int(low) + Int($0) * (Int(high) - Int(low)) / 255)
        })
    }

    /// Uniform noise of ± `amplitude` from a fixed seed: sensor noise.
    static func noisy(_ image: GrayImage, amplitude: Int, seed: UInt64 = 1) -> GrayImage {
        var state = seed
        return GrayImage(width: image.width, height: image.height, pixels: image.pixels.map { pixel in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = Int(state >> 33) % (2 * amplitude + 1) - amplitude
            return UInt8(clamping: Int(pixel) + noise)
        })
    }

    /// Every dark pixel grown by `dots` to the right and down: ink spread of a hot print head.
    static func inkSpread(_ image: GrayImage, dots: Int) -> GrayImage {
        var out = image
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] < 128 {
                for dy in 0...dots where y + dy < image.height {
                    for dx in 0...dots where x + dx < image.width { out[x + dx, y + dy] = min(out[x + dx, y + dy], image[x, y]) }
                }
            }
        }
        return out
    }

    /// A light hole of `size` pixels every `spacing` pixels on a grid: voids from a dirty head.
    static func voids(_ image: GrayImage, size: Int, spacing: Int) -> GrayImage {
        var out = image
        for y in stride(from: spacing / 2, to: image.height - size, by: spacing) {
            for x in stride(from: spacing / 3, to: image.width - size, by: spacing) {
                for dy in 0..<size { for dx in 0..<size { out[x + dx, y + dy] = 235 } }
            }
        }
        return out
    }

    /// Turned by `degrees` about the centre (nearest pixel), light where nothing maps.
    static func rotated(_ image: GrayImage, degrees: Double) -> GrayImage {
        let angle = degrees * .pi / 180, c = cos(angle), s = sin(angle)
        let cx = Double(image.width) / 2, cy = Double(image.height) / 2
        var out = GrayImage(width: image.width, height: image.height, fill: 235)
        for y in 0..<image.height {
            for x in 0..<image.width {
                let dx = Double(x) - cx, dy = Double(y) - cy
                let sx = Int((c * dx + s * dy + cx).rounded()), sy = Int((-s * dx + c * dy + cy).rounded())
                if sx >= 0, sy >= 0, sx < image.width, sy < image.height { out[x, y] = image[sx, sy] }
            }
        }
        return out
    }

    private static func boxed(_ image: GrayImage, radius: Int, horizontal: Bool) -> GrayImage {
        var out = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                var sum = 0, count = 0
                for d in -radius...radius {
                    let (sx, sy) = horizontal ? (x + d, y) : (x, y + d)
                    guard sx >= 0, sy >= 0, sx < image.width, sy < image.height else { continue }
                    sum += Int(image[sx, sy])
                    count += 1
                }
                out[x, y] = UInt8(sum / count)
            }
        }
        return out
    }
}
