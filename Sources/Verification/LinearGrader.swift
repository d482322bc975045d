import Imaging

/// Grades a linear symbol from one image, after ISO/IEC 15416: ten scan lines across the
/// symbol's height, each a reflectance profile graded on its own; the symbol grade is their mean.
struct LinearGrader {
    private let image: GrayImage
    private let symbology: BarcodeSymbology
    private let lines: [Int]
    private let left: Int
    private let right: Int

    init?(image: GrayImage, symbol: DecodedSymbol) {
        let xs = symbol.position.map(\.x), ys = symbol.position.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(), maxX - minX >= 20 else { return nil }
        // zxing-cpp outlines a linear symbol by the scan line it read; use a band around it.
        let band = maxY - minY >= 8 ? (minY, maxY) : (minY - (maxX - minX) / 10, maxY + (maxX - minX) / 10)
        let top = max(0, band.0), bottom = min(image.height - 1, band.1)
        guard bottom > top else { return nil }
        self.image = image
        symbology = symbol.symbology
        lines = (1...10).map { top + (bottom - top) * $0 / 11 }
        // A little wider than the outline, whose ends may sit just inside the outer bars.
        left = max(0, minX - (maxX - minX) / 20)
        right = min(image.width - 1, maxX + (maxX - minX) / 20)
    }

    func grade() -> QualityGrade {
        let scans = lines.map(scan)
        let names = ["decode", "symbol_contrast", "min_reflectance", "min_edge_contrast", "modulation", "defects", "decodability", "quiet_zone"]
        let parameters = names.map { name in
            let values = scans.compactMap { $0[name]?.value }
            return QualityGrade.Parameter(
                name: name, value: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count),
                grade: scans.map { $0[name]?.grade ?? 0 }.reduce(0, +) / Double(scans.count)
            )
        }
        let scanGrades = scans.map { $0.values.map(\.grade).min() ?? 0 }
        return QualityGrade(overall: scanGrades.reduce(0, +) / Double(scanGrades.count), parameters: parameters)
    }

    /// The graded parameters of the scan line at row `y`; empty (grade 0) when it shows no symbol.
    private func scan(_ y: Int) -> [String: (value: Double?, grade: Double)] {
        // A three-row mean stands in for the measuring aperture.
        let profile = (0..<image.width).map { x in
            Double((max(0, y - 1)...min(image.height - 1, y + 1)).map { Int(image.pixels[$0 * image.width + x]) }.reduce(0, +))
                / Double(min(image.height - 1, y + 1) - max(0, y - 1) + 1)
        }
        let inside = Array(profile[left...right])
        guard let rMin = inside.min(), let rMax = inside.max(), rMax - rMin >= 8 else { return ["decode": (nil, 0)] }
        let threshold = (rMax + rMin) / 2
        // Elements from the first bar to the last, as runs on either side of the threshold.
        var runs: [(start: Int, end: Int, dark: Bool)] = []
        for x in left...right {
            let dark = profile[x] < threshold
            if let last = runs.last, last.dark == dark {
                runs[runs.count - 1].end = x + 1
            } else {
                runs.append((x, x + 1, dark))
            }
        }
        while let first = runs.first, !first.dark { runs.removeFirst() }
        while let last = runs.last, !last.dark { runs.removeLast() }
        guard runs.count >= 3, let modules = moduleCount(elements: runs.count) else { return ["decode": (nil, 0)] }
        let symbolContrast = (rMax - rMin) / 255
        let extremes = runs.map { run in run.dark ? profile[run.start..<run.end].min()! : profile[run.start..<run.end].max()! }
        let edgeContrast = zip(extremes, extremes.dropFirst()).map { abs($0 - $1) }.min()! / 255
        let modulation = edgeContrast / symbolContrast
        // Element reflectance non-uniformity: the deepest dip within an element's inner half.
        let defects = zip(runs, extremes).map { run, extreme -> Double in
            let inset = (run.end - run.start) / 4
            guard run.end - run.start >= 4 else { return 0 }
            let middle = profile[(run.start + inset)..<(run.end - inset)]
            return run.dark ? middle.max()! - extreme : extreme - middle.min()!
        }.max()! / 255 / symbolContrast
        // Decodability from edge-to-similar-edge distances, which ink spread does not shift.
        let moduleWidth = Double(runs.last!.end - runs.first!.start) / Double(modules)
        let pairs = zip(runs, runs.dropFirst()).map { Double($1.end - $0.start) / moduleWidth }
        let decodability = max(0, 1 - 2 * (pairs.map { abs($0 - $0.rounded()) }.max() ?? 1))
        let quietZone = hasQuietZones(profile, threshold: threshold, start: runs.first!.start, end: runs.last!.end, moduleWidth: moduleWidth)
        return [
            "decode": (nil, 4),
            "symbol_contrast": (symbolContrast, QualityGrade.grade(symbolContrast, atLeast: [0.7, 0.55, 0.4, 0.2])),
            "min_reflectance": (rMin / rMax, rMin <= 0.5 * rMax ? 4 : 0),
            "min_edge_contrast": (edgeContrast, edgeContrast >= 0.15 ? 4 : 0),
            "modulation": (modulation, QualityGrade.grade(modulation, atLeast: [0.7, 0.6, 0.5, 0.4])),
            "defects": (defects, QualityGrade.grade(defects, atMost: [0.15, 0.2, 0.25, 0.3])),
            "decodability": (decodability, QualityGrade.grade(decodability, atLeast: [0.62, 0.5, 0.37, 0.25])),
            "quiet_zone": (nil, quietZone ? 4 : 0),
        ]
    }

    /// Modules from the first bar to the last for `elements` bars and spaces, or nil when the
    /// count does not fit the symbology (the scan line missed or split an element).
    private func moduleCount(elements: Int) -> Int? {
        switch symbology {
        case .ean13, .upcA: elements == 59 ? 95 : nil
        case .ean8: elements == 43 ? 67 : nil
        case .code128, .gs1128: elements >= 19 && (elements - 7) % 6 == 0 ? (elements - 7) / 6 * 11 + 13 : nil
        default: nil
        }
    }

    /// Whether light paper extends the symbology's quiet zone before the first bar and after the last.
    private func hasQuietZones(_ profile: [Double], threshold: Double, start: Int, end: Int, moduleWidth: Double) -> Bool {
        let (before, after) = switch symbology {
        case .ean13: (11.0, 7.0)
        case .upcA: (9.0, 9.0)
        case .ean8: (7.0, 7.0)
        default: (10.0, 10.0)
        }
        let leading = Int((before * moduleWidth).rounded(.up)), trailing = Int((after * moduleWidth).rounded(.up))
        guard start - leading >= 0, end + trailing <= profile.count else { return false }
        return profile[(start - leading)..<start].allSatisfy { $0 >= threshold } && profile[end..<(end + trailing)].allSatisfy { $0 >= threshold }
    }
}
