import Foundation
import Imaging
import Testing
import VirtualPrinter

@Suite("Damaged labels and the printed-label stream")
struct DamageLabelTests {
    /// A QR code in the top half, a filled box in the bottom half.
    static let format = "^XA^PW200^LL200^FO10,10^BQN,2,4^FDQA,HELLO^FS^FO10,150^GB50,20,20^FS^XZ"

    static func ink(_ bitmap: Bitmap, rows: Range<Int>) -> Int {
        var count = 0
        for y in rows where y < bitmap.height {
            for x in 0..<bitmap.width where bitmap[x, y] { count += 1 }
        }
        return count
    }

    @Test("damage-label takes label numbers from 1, adds them up, and 0 clears them")
    func parsing() throws {
        var faults = PrinterFaults()
        try faults.set("damage-label=3")
        try faults.set("damage-label=5, 6")
        #expect(faults.damagedLabels == [3, 5, 6])
        #expect(faults.assignments == ["damage-label=3,5,6"])
        try faults.set("damage-label=0")
        #expect(faults.damagedLabels.isEmpty)
        #expect(throws: VirtualPrinterError.badFaultValue("damage-label=x")) { try faults.set("damage-label=x") }
        #expect(throws: VirtualPrinterError.badFaultValue("damage-label=2,-1")) { try faults.set("damage-label=2,-1") }
        #expect(PrinterFaults.names.contains("damage-label"))
    }

    @Test("The damaged label prints with its symbol wiped and the rest intact; the stream hears of every label")
    func damagedSymbol() async throws {
        let printer = try PrinterStatusTests.printer(["damage-label=2"])
        let labels = await printer.printedLabels()
        _ = await PrinterStatusTests.send(Self.format + Self.format, to: printer)
        await printer.finishPrintedLabels()
        var printed: [VirtualPrinter.PrintedLabel] = []
        for await label in labels { printed.append(label) }
        #expect(printed.map(\.index) == [1, 2])
        #expect(printed.map(\.damaged) == [false, true])
        let (good, damaged) = (printed[0].bitmap, printed[1].bitmap)
        #expect(Self.ink(good, rows: 0..<140) > 1000)
        #expect(Self.ink(damaged, rows: 0..<140) == 0)
        #expect(Self.ink(damaged, rows: 140..<200) == Self.ink(good, rows: 140..<200))
        #expect(await printer.recentLabels.count == 2)
    }

    @Test("A label sent as one graphic loses the middle half of its length")
    func damagedGraphic() async throws {
        let printer = try PrinterStatusTests.printer(["damage-label=1"])
        let labels = await printer.printedLabels()
        // 16 × 16 dots, all black.
        let graphic = "^XA^PW16^LL16^FO0,0^GFA,32,32,2," + String(repeating: "FF", count: 32) + "^FS^XZ"
        _ = await PrinterStatusTests.send(graphic, to: printer)
        await printer.finishPrintedLabels()
        var printed: [VirtualPrinter.PrintedLabel] = []
        for await label in labels { printed.append(label) }
        let bitmap = try #require(printed.first?.bitmap)
        #expect(Self.ink(bitmap, rows: 4..<12) == 0)
        #expect(Self.ink(bitmap, rows: 0..<4) == 64 && Self.ink(bitmap, rows: 12..<16) == 64)
    }
}

@Suite("Label files on disk")
struct LabelFileTests {
    @Test("With keptLabelFiles only the latest images stay in the folder; the log keeps every label")
    func keptFiles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vp-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let printer = VirtualPrinter(configuration: .init(outputDirectory: folder, keptLabelFiles: 3), fonts: try PrinterFonts.installed())
        _ = await PrinterStatusTests.send(String(repeating: DamageLabelTests.format, count: 7), to: printer)
        let images = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".png") }.sorted()
        #expect(images == ["label-5.png", "label-6.png", "label-7.png"])
        let log = try String(contentsOfFile: folder + "/labels.jsonl", encoding: .utf8)
        #expect(log.split(separator: "\n").count == 7)
    }
}
