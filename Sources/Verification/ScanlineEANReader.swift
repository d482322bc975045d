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

    /// `main` with its EAN-5/EAN-2 add-on appended, when enough lines read one beside it; else
    /// nil. `main` is a horizontal EAN-13, UPC-A or EAN-8 that another decoder located (its
    /// points span the symbol) and read without an add-on, often one too blurred for these lines
    /// to read, so the add-on is looked for from where the main symbol ends rather than after a
    /// main number read on the same line (see `EANRowDecoder.addOn(in:afterMainEndingAt:module:)`).
    ///
    /// The module size is the main symbol's width over its modules. Lines cross the symbol's
    /// band, and each looks both after its right end and, read right to left, before its left
    /// end, as the label may be upside down. As for `read`, the add-on is reported only when
    /// `agreeingRows` lines read it and no line read another one, on either side.
    func addOn(beside main: RawSymbol, in image: GrayImage) -> RawSymbol? {
        guard readsAddOns, main.addOn.isEmpty, let modules = Self.mainModules[main.symbology],
              let minX = main.points.map(\.x).min(), let maxX = main.points.map(\.x).max(),
              let minY = main.points.map(\.y).min(), let maxY = main.points.map(\.y).max() else { return nil }
        let width = maxX - minX, height = maxY - minY
        // One pixel a module at least, and lying rather than standing: lines are horizontal.
        guard width >= Int(modules), width > height else { return nil }
        let module = Float(width) / modules
        let decoder = EANRowDecoder(findsEAN13: false, findsEAN8: false, readsAddOns: true)
        // Bars are taller than a quarter of the symbol's width; a decoder may give one line.
        let middle = (minY + maxY) / 2, halfBand = max(height / 2, width / 4)
        let band = max(0, middle - halfBand)...min(image.height - 1, middle + halfBand)
        // The main symbol's last modules, the gap and the longest add-on with its quiet zone.
        let inside = Int((10 * module).rounded(.up)), outside = Int((80 * module).rounded(.up))
        let right = max(0, maxX - inside)..<min(image.width, maxX + outside)
        let left = max(0, minX - outside)..<min(image.width, minX + inside)
        var reads: [(y: Int, isRight: Bool, digits: [UInt8], start: Float, end: Float)] = []
        for y in stride(from: band.lowerBound, through: band.upperBound, by: 3) {
            if right.count > inside,
               let read = decoder.addOn(in: Self.line(image, columns: right, aroundRow: y), afterMainEndingAt: Float(maxX - right.lowerBound), module: module) {
                reads.append((y, true, read.digits, Float(right.lowerBound) + read.start, Float(right.lowerBound) + read.end))
            }
            if left.count > inside {
                let line = Self.line(image, columns: left, aroundRow: y).mirrored()
                if let read = decoder.addOn(in: line, afterMainEndingAt: Float(left.upperBound - minX), module: module) {
                    reads.append((y, false, read.digits, Float(left.upperBound) - read.end, Float(left.upperBound) - read.start))
                }
            }
        }
        guard let first = reads.first, reads.allSatisfy({ $0.isRight == first.isRight && $0.digits == first.digits }),
              Set(reads.map(\.y)).count >= Self.agreeingRows else { return nil }
        var symbol = main
        symbol.data += first.digits
        symbol.points += reads.flatMap {
            [DecodedSymbol.Point(x: Int($0.start.rounded()), y: $0.y), DecodedSymbol.Point(x: Int($0.end.rounded()), y: $0.y)]
        }
        symbol.source = .scanline
        return symbol
    }

    /// Modules from the first bar to the last of the main symbols an add-on may follow.
    private static let mainModules: [BarcodeSymbology: Float] = [.ean13: 95, .upcA: 95, .ean8: 67]

    /// The line through `columns` of rows `y - 1` to `y + 1`, as `read` takes them.
    private static func line(_ image: GrayImage, columns: Range<Int>, aroundRow y: Int) -> Scanline {
        var profile = [Float](repeating: 0, count: columns.count)
        fill(&profile, from: image, aroundRow: y, columns: columns)
        return Scanline(profile: profile)
    }

    /// The mean of rows `y - 1`, `y` and `y + 1` (those inside the image), over `columns`
    /// (all of them when nil), into `profile` from its start.
    private static func fill(_ profile: inout [Float], from image: GrayImage, aroundRow y: Int, columns: Range<Int>? = nil) {
        let rows = max(0, y - 1)...min(image.height - 1, y + 1)
        let columns = columns ?? 0..<image.width
        let scale = 1 / Float(rows.count)
        image.pixels.withUnsafeBufferPointer { pixels in
            for x in columns {
                var sum = 0
                for row in rows { sum += Int(pixels[row * image.width + x]) }
                profile[x - columns.lowerBound] = Float(sum) * scale
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
