import Imaging

/// Our own EAN-13/UPC-A/EAN-8 reader (with EAN-2/EAN-5 add-ons), the third decoder.
///
/// zbar and zxing-cpp 1.4 refuse a symbol whose quiet zone is narrower than the standard's,
/// as when a label's frame or edge is printed close to the bars, and zbar reads an add-on
/// only with a wide margin after it. This reader takes a narrow quiet zone on one side (see
/// `EANRowDecoder`) and is tried only when the others have found nothing.
///
/// It reads horizontal lines both ways (a label upside down reads right to left), each line
/// the mean of three image rows, which averages away noise but not bars. A number is reported
/// only when at least `agreeingRows` lines read it and no line read anything else in the same
/// place; an add-on likewise. A wrong read passes a wrong label, so one line is never enough.
struct ScanlineEANReader {
    let symbologies: Set<BarcodeSymbology>
    let readsAddOns: Bool

    /// Lines, three image rows apart, that must read the same number.
    static let agreeingRows = 3

    /// Whether any asked symbology is one this reader reads.
    var isUseful: Bool { !symbologies.isDisjoint(with: [.ean13, .upcA, .ean8]) }

    /// One line's read, positions in the image.
    private struct LineRead {
        var read: EANRowDecoder.Read
        var y: Int
    }

    /// Every symbol that enough lines agree on.
    func read(_ image: GrayImage) -> [RawSymbol] {
        guard isUseful, image.width > 0, image.height > 0 else { return [] }
        let decoder = EANRowDecoder(
            findsEAN13: !symbologies.isDisjoint(with: [.ean13, .upcA]), findsEAN8: symbologies.contains(.ean8),
            readsAddOns: readsAddOns
        )
        var reads: [LineRead] = []
        // At most about 160 lines: a symbol is taller than a hundredth of a photo.
        let step = max(3, image.height / 160)
        var profile = [Float](repeating: 0, count: image.width)
        var y = min(1, image.height - 1)
        while y < image.height {
            Self.fill(&profile, from: image, aroundRow: y)
            let line = Scanline(profile: profile)
            reads += decoder.reads(line).map { LineRead(read: $0, y: y) }
            let length = line.length
            reads += decoder.reads(line.mirrored()).map {
                var read = $0
                (read.start, read.end) = (length - $0.end, length - $0.start)
                return LineRead(read: read, y: y)
            }
            y += step
        }
        return Self.agreed(reads)
    }

    /// The mean of rows `y - 1`, `y` and `y + 1` (those inside the image).
    private static func fill(_ profile: inout [Float], from image: GrayImage, aroundRow y: Int) {
        let rows = max(0, y - 1)...min(image.height - 1, y + 1)
        let scale = 1 / Float(rows.count)
        image.pixels.withUnsafeBufferPointer { pixels in
            for x in 0..<image.width {
                var sum = 0
                for row in rows { sum += Int(pixels[row * image.width + x]) }
                profile[x] = Float(sum) * scale
            }
        }
    }

    /// The symbols read on at least `agreeingRows` lines where no line read another number.
    private static func agreed(_ reads: [LineRead]) -> [RawSymbol] {
        // Group reads of the same place: overlapping along the line, and no further apart
        // across it than the symbol is long.
        var group = Array(reads.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while group[index] != index { index = group[index] }
            return index
        }
        for a in reads.indices {
            for b in reads.indices where b > a && isSamePlace(reads[a], reads[b]) {
                group[root(b)] = root(a)
            }
        }
        var symbols: [RawSymbol] = []
        for members in Dictionary(grouping: reads.indices, by: root).values {
            let place = members.map { reads[$0] }
            guard let first = place.first, place.allSatisfy({ $0.read.digits == first.read.digits && $0.read.isEAN8 == first.read.isEAN8 }),
                  Set(place.map(\.y)).count >= agreeingRows else { continue }
            var data = first.read.digits
            // An add-on is appended when enough lines read it and none read another one.
            let addOns = place.filter { !$0.read.addOn.isEmpty }
            if let addOn = addOns.first?.read.addOn, addOns.allSatisfy({ $0.read.addOn == addOn }),
               Set(addOns.map(\.y)).count >= agreeingRows {
                data += addOn
            }
            let symbology: BarcodeSymbology = first.read.isEAN8 ? .ean8 : data.first == UInt8(ascii: "0") ? .upcA : .ean13
            let points = place.flatMap {
                [DecodedSymbol.Point(x: Int($0.read.start.rounded()), y: $0.y), DecodedSymbol.Point(x: Int($0.read.end.rounded()), y: $0.y)]
            }
            symbols.append(RawSymbol(symbology: symbology, data: data, isGS1: false, points: points, source: .scanline))
        }
        return symbols.sorted { ($0.points.first?.y ?? 0, $0.points.first?.x ?? 0) < ($1.points.first?.y ?? 0, $1.points.first?.x ?? 0) }
    }

    private static func isSamePlace(_ a: LineRead, _ b: LineRead) -> Bool {
        let length = max(a.read.end - a.read.start, b.read.end - b.read.start)
        return a.read.start < b.read.end && b.read.start < a.read.end && Float(abs(a.y - b.y)) <= length
    }
}
