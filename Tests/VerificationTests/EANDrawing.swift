import Imaging

/// EAN symbols drawn module by module, independently of the `Symbology` module, so that
/// tests can draw what it refuses to: wrong check digits, EAN-8, add-ons, trimmed quiet zones.
enum EANDrawing {
    /// Set C (right half) patterns; set A is their complement, set B their mirror image.
    static let setC: [[Bool]] = [
        "1110010", "1100110", "1101100", "1000010", "1011100",
        "1001110", "1010000", "1000100", "1001000", "1110100",
    ].map { $0.map { $0 == "1" } }

    static let leftParities = [0b000000, 0b001011, 0b001101, 0b001110, 0b010011, 0b011001, 0b011100, 0b010101, 0b010110, 0b011010]

    static func setA(_ digit: Int) -> [Bool] { setC[digit].map { !$0 } }
    static func setB(_ digit: Int) -> [Bool] { setC[digit].reversed() }

    /// An EAN-13 (UPC-A with a leading 0) of exactly these 13 digits, right or wrong.
    static func ean13(_ digits: [Int]) -> [Bool] {
        var bits = [true, false, true]
        for (index, digit) in digits[1...6].enumerated() {
            bits += leftParities[digits[0]] & (0b100000 >> index) != 0 ? setB(digit) : setA(digit)
        }
        bits += [false, true, false, true, false]
        for digit in digits[7...12] { bits += setC[digit] }
        return bits + [true, false, true]
    }

    /// An EAN-8 of exactly these 8 digits.
    static func ean8(_ digits: [Int]) -> [Bool] {
        var bits = [true, false, true]
        for digit in digits[0...3] { bits += setA(digit) }
        bits += [false, true, false, true, false]
        for digit in digits[4...7] { bits += setC[digit] }
        return bits + [true, false, true]
    }

    /// An EAN-5 or EAN-2 add-on of these digits, its parities from its check value.
    static func addOn(_ digits: [Int]) -> [Bool] {
        addOn(digits, parities: addOnParities(digits))
    }

    /// Which digits of an EAN-5 or EAN-2 add-on use set B (first digit in the high bit), from
    /// its check value.
    static func addOnParities(_ digits: [Int]) -> Int {
        digits.count == 5
            ? [0x18, 0x14, 0x12, 0x11, 0x0C, 0x06, 0x03, 0x0A, 0x09, 0x05][(3 * (digits[0] + digits[2] + digits[4]) + 9 * (digits[1] + digits[3])) % 10]
            : (digits[0] * 10 + digits[1]) % 4
    }

    /// An EAN-5 or EAN-2 add-on of these digits with the given parities, right or wrong.
    static func addOn(_ digits: [Int], parities: Int) -> [Bool] {
        var bits = [true, false, true, true]
        for (index, digit) in digits.enumerated() {
            if index > 0 { bits += [false, true] }
            bits += parities & (1 << (digits.count - 1 - index)) != 0 ? setB(digit) : setA(digit)
        }
        return bits
    }

    /// The GS1 check digit of `digits`.
    static func checkDigit(_ digits: [Int]) -> Int {
        let sum = digits.reversed().enumerated().reduce(0) { $0 + $1.element * ($1.offset.isMultiple(of: 2) ? 3 : 1) }
        return (10 - sum % 10) % 10
    }

    /// `modules` as a photo would show them: dark 40 on light 220, `moduleSize` pixels a
    /// module, `left` and `right` light modules of quiet zone (fractions allowed), then on the
    /// right a black frame of `frame` modules and 4 more light ones; `height` rows with 3 light
    /// ones above and below. `blur` averages each pixel with its neighbours in the row.
    static func image(
        _ modules: [Bool], moduleSize: Int, left: Double, right: Double, frame: Int, height: Int = 30, blur: Bool = false
    ) -> GrayImage {
        let leftPixels = Int((left * Double(moduleSize)).rounded()), rightPixels = Int((right * Double(moduleSize)).rounded())
        var row = [UInt8](repeating: 220, count: leftPixels)
        for module in modules { row += repeatElement(module ? 40 : 220, count: moduleSize) }
        row += repeatElement(220, count: rightPixels)
        if frame > 0 {
            row += repeatElement(UInt8(40), count: frame * moduleSize)
            row += repeatElement(UInt8(220), count: 4 * moduleSize)
        }
        if blur {
            row = row.indices.map { x in
                UInt8((Int(row[max(0, x - 1)]) + 2 * Int(row[x]) + Int(row[min(row.count - 1, x + 1)])) / 4)
            }
        }
        var image = GrayImage(width: row.count, height: height + 6, fill: 220)
        for y in 3..<(height + 3) { image.pixels.replaceSubrange((y * row.count)..<((y + 1) * row.count), with: row) }
        return image
    }

    /// `image` with columns from `x` on blurred along the rows: `passes` times each pixel
    /// averaged with its neighbours (1-2-1), about a Gaussian of √(passes / 2) pixels.
    static func blurred(_ image: GrayImage, from x: Int, passes: Int) -> GrayImage {
        var image = image
        for y in 0..<image.height {
            var row = image.pixels[(y * image.width)..<((y + 1) * image.width)].map(Int.init)
            for _ in 0..<passes {
                let previous = row
                for column in max(0, x)..<image.width {
                    row[column] = (previous[max(0, column - 1)] + 2 * previous[column] + previous[min(image.width - 1, column + 1)] + 2) / 4
                }
            }
            image.pixels.replaceSubrange((y * image.width)..<((y + 1) * image.width), with: row.map(UInt8.init))
        }
        return image
    }

    /// `image` turned by 180°.
    static func upsideDown(_ image: GrayImage) -> GrayImage {
        GrayImage(width: image.width, height: image.height, pixels: image.pixels.reversed())
    }
}
