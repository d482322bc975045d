import Foundation
import Imaging
import Labels
import Symbology
import TraceCodes
import Verification

/// The demo's gallery of bare symbols for one code, each rendered at `--module` dots a module
/// and read back from its PNG: the other paths beside the product label.
enum DemoSymbols {
    /// Renders and decodes the gallery into `folder` and prints its table; false when a symbol
    /// does not read back exactly.
    static func show(code: GS1ElementString, gtin14: String, lot: String, folder: String, moduleSize: Int) throws -> Bool {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let labels = [
            DemoLabel(index: 1, kind: .qr, data: try code.digitalLink(domain: GS1DigitalLink.defaultDomain)),
            DemoLabel(index: 2, kind: .gs1QR, data: code.symbolData(), shown: code.humanReadable),
            DemoLabel(index: 3, kind: .gs1_128, data: code.symbolData(), shown: code.humanReadable),
            DemoLabel(index: 4, kind: .qr, data: "产品名称：电线电缆 BV 2.5mm² 批号 \(lot)", name: "qr-chinese"),
            DemoLabel(index: 5, kind: .ean13, data: String(gtin14.dropFirst())),
        ]
        let rows = try labels.map { try $0.renderAndVerify(in: folder, moduleSize: moduleSize) }
        DemoTable(rows: rows).print()
        return rows.allSatisfy(\.matched)
    }
}

/// One label of the demo: what is encoded, and how it is shown in the table.
private struct DemoLabel {
    let index: Int
    let kind: SymbologyKind
    let data: String
    var shown: String
    var name: String

    init(index: Int, kind: SymbologyKind, data: String, shown: String? = nil, name: String? = nil) {
        self.index = index
        self.kind = kind
        self.data = data
        self.shown = shown ?? data
        self.name = name ?? kind.rawValue
    }

    func renderAndVerify(in folder: String, moduleSize: Int) throws -> DemoTable.Row {
        let path = "\(folder)/\(String(format: "%02d", index))-\(name).png"
        let bitmap = try Symbol.render(kind, text: data, options: RenderOptions(moduleSize: moduleSize))
        try ImageFile.write(try PNG.encode(bitmap), to: path)
        let symbols = try BarcodeDecoder(options: .init(symbologies: [BarcodeSymbology(kind)])).decode(file: path)
        let matched = symbols.count == 1 && symbols[0].bytes == Array(data.utf8)
        let milliseconds = symbols.first?.decodeTime.milliseconds
        return DemoTable.Row(index: index, symbology: kind.rawValue, file: path, matched: matched, milliseconds: milliseconds, code: shown)
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
