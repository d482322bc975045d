import ArgumentParser
import Foundation
import Imaging
import Labels
import Ledger
import Symbology
import TraceCodes
import Verification

/// The closed loop a newcomer can watch: codes issued, rendered as labels, read back.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Issue a few trace codes, render each as a PNG label, decode them back, print a table and report the batch.",
        discussion: """
            Runs on built-in defaults and needs no printer, database server or network. The codes \
            are issued from a fresh SQLite ledger in the output folder. Each code is rendered as \
            a GS1 Digital Link QR code, a GS1 QR code (FNC1 in first position), a GS1-128 \
            barcode, and a whole 60×40 mm product label (Templates/product-60x40 on the \
            virtual-203 printer, as PNG and as the ZPL that prints it); a product-name QR code in \
            Chinese and an EAN-13 of the GTIN show the other paths. Every PNG is read back from \
            disk and decoded with zbar, and the decoded bytes are compared with what was issued. \
            The product labels are then recorded as printed and verified, and the batch is reported \
            in signed chunks to the reference receiver (platform-sim) started in-process, with its \
            EPCIS 2.0 document written beside the labels. Exits 1 if any label does not read back \
            exactly or the receiver does not hold exactly the printed codes.
            """
    )

    @Option(help: "Folder for the label PNGs (created if missing).")
    var out = "out"

    @Option(help: "How many serialized codes to issue.")
    var count = 5

    @Option(help: "GTIN of the demo product (8, 12, 13 or 14 digits with a valid check digit).")
    var gtin = "06901234567892"

    @Option(help: "Lot (batch) number, at most 20 characters of GS1 CSET 82.")
    var lot = "L" + StationDate.today(format: "yyyyMMdd")

    @Option(help: ArgumentHelp("Dots per module for the rendered symbols.", valueName: "DOTS"))
    var module = 4

    func validate() throws {
        guard (1...100).contains(count) else { throw ValidationError("--count must be 1–100 (got \(count))") }
    }

    func run() async throws {
        let date = StationDate.today(format: "yyMMdd")
        let builder = try GS1ItemCodeBuilder(gtin: gtin, lot: lot, productionDate: date)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let reporting = try DemoReporting(folder: out)
        let batch = try await reporting.ledger.createBatch(
            BatchSpec(gtin: gtin, lot: lot, productionDate: date, quantity: count, overagePercent: 0))
        let issued = try await reporting.ledger.issue(batch: batch.id, count: count)

        let library = LabelLibrary.standard()
        let template = try library.template("product-60x40")
        let productLabel = try LabelRenderer(template: template, device: library.device("virtual-203"))
        var labels: [DemoLabel] = []
        for (offset, issuedCode) in issued.enumerated() {
            let code = try builder.code(serial: issuedCode.serial)
            let index = offset + 1
            labels.append(DemoLabel(index: index, kind: .qr, data: try code.digitalLink(domain: GS1DigitalLink.defaultDomain)))
            labels.append(DemoLabel(index: index, kind: .gs1QR, data: code.symbolData(), shown: code.humanReadable))
            labels.append(DemoLabel(index: index, kind: .gs1_128, data: code.symbolData(), shown: code.humanReadable))
            let item = try FieldValues(code: code)
            let values = template.sample.merging(item).merging(FieldValues(["batch.lot": lot, "batch.date": date]))
            labels.append(DemoLabel(index: index, product: values, data: item["code.payload"]!, name: "product-label",
                                    ledgerCode: issuedCode.value))
        }
        labels.append(DemoLabel(index: count + 1, kind: .qr, data: "产品名称：电线电缆 BV 2.5mm² 批号 \(lot)", name: "qr-chinese"))
        labels.append(DemoLabel(index: count + 2, kind: .ean13, data: String(builder.gtin.gtin14.dropFirst())))

        print("TraceStation demo: GTIN \(builder.gtin.gtin14), lot \(lot), production date \(date)")
        let entropy = try RandomSerialGenerator(length: BatchSpec.defaultSerialLength).entropyBits
        print("Issued \(count) codes into the ledger \(out)/ledger.sqlite, batch \(batch.id), with random "
            + "\(BatchSpec.defaultSerialLength)-character serials (\(String(format: "%.1f", entropy)) bits each); labels in \(out)/\n")
        let rows = try labels.map { try $0.renderAndVerify(in: out, moduleSize: module, productLabel: productLabel) }
        DemoTable(rows: rows).print()

        let failures = rows.filter { !$0.matched }.count
        if failures > 0 {
            print("\n\(failures) of \(rows.count) labels did not read back as issued.")
        } else {
            print("\nAll \(rows.count) labels decoded back to exactly the code issued.")
        }
        let readBack = zip(labels, rows).compactMap { label, row in label.ledgerCode.map { (code: $0, matched: row.matched) } }
        let reported = try await reporting.report(batch: batch.id, readBack: readBack)
        if !reported { print("\nThe receiver does not hold exactly the printed codes.") }
        if failures > 0 || !reported { throw ExitCode(1) }
    }

}

/// One label of the demo: what is encoded, and how it is shown in the table.
private struct DemoLabel {
    /// A bare symbol, or a whole product label filled with these values.
    enum Source {
        case symbol(SymbologyKind)
        case productLabel(FieldValues)
    }

    let index: Int
    let source: Source
    let data: String
    var shown: String
    var name: String
    /// The code as the ledger issued it, for the product label that carries it.
    var ledgerCode: String?

    init(index: Int, kind: SymbologyKind, data: String, shown: String? = nil, name: String? = nil) {
        self.index = index
        self.source = .symbol(kind)
        self.data = data
        self.shown = shown ?? data
        self.name = name ?? kind.rawValue
    }

    init(index: Int, product values: FieldValues, data: String, name: String, ledgerCode: String) {
        self.index = index
        self.ledgerCode = ledgerCode
        self.source = .productLabel(values)
        self.data = data
        self.shown = data
        self.name = name
    }

    func renderAndVerify(in folder: String, moduleSize: Int, productLabel: LabelRenderer) throws -> DemoTable.Row {
        let path = "\(folder)/\(String(format: "%02d", index))-\(name).png"
        let bitmap: Bitmap
        let symbology: BarcodeSymbology
        switch source {
        case .symbol(let kind):
            bitmap = try Symbol.render(kind, text: data, options: RenderOptions(moduleSize: moduleSize))
            symbology = BarcodeSymbology(kind)
        case .productLabel(let values):
            bitmap = try productLabel.bitmap(values)
            try ImageFile.write(productLabel.zpl(values).bytes, to: path.replacingOccurrences(of: ".png", with: ".zpl"))
            symbology = .qr
        }
        try ImageFile.write(try PNG.encode(bitmap), to: path)
        let symbols = try BarcodeDecoder(options: .init(symbologies: [symbology])).decode(file: path)
        let matched = symbols.count == 1 && symbols[0].bytes == Array(data.utf8)
        let milliseconds = symbols.first?.decodeTime.milliseconds
        let shownSymbology: String
        if case .symbol(let kind) = source { shownSymbology = kind.rawValue } else { shownSymbology = "label" }
        return DemoTable.Row(index: index, symbology: shownSymbology, file: path, matched: matched, milliseconds: milliseconds, code: shown)
    }
}

private extension BarcodeSymbology {
    init(_ kind: SymbologyKind) {
        switch kind {
        case .qr, .gs1QR: self = .qr
        case .code128: self = .code128
        case .gs1_128: self = .gs1128
        case .ean13: self = .ean13
        case .upca: self = .upcA
        }
    }
}

/// The demo's result table, in columns wide enough for their contents.
private struct DemoTable {
    struct Row {
        let index: Int
        let symbology: String
        let file: String
        let matched: Bool
        let milliseconds: Double?
        let code: String
    }

    let rows: [Row]

    func print() {
        let header = ["#", "symbology", "file", "read back", "decode ms", "code"]
        let cells = rows.map { row in
            [String(row.index), row.symbology, row.file, row.matched ? "exact" : "MISMATCH",
             row.milliseconds.map { String(format: "%.1f", $0) } ?? "-", row.code]
        }
        let widths = header.indices.map { column in
            ([header] + cells).map { $0[column].count }.max() ?? 0
        }
        for line in [header] + cells {
            let padded = line.enumerated().map { column, text in
                column == line.count - 1 ? text : text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }
            Swift.print(padded.joined(separator: "  "))
        }
    }
}
