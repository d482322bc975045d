import Foundation
import Imaging
import Labels
import Printing
import Testing
import TraceCodes
import Verification
import VirtualPrinter

@Suite("A thousand product labels over loopback TCP")
struct ThousandLabelsTests {
    static let count = 1000

    @Test("Every label is printed once, in order, rendered by the printer and decoded equal to what was sent")
    func thousandLabels() async throws {
        let library = LabelLibrary.standard()
        let template = try library.template("product-60x40")
        let renderer = try LabelRenderer(template: template, device: library.device("zebra-zd421-203"))
        let builder = try GS1ItemCodeBuilder(gtin: "06901234567892", lot: "L20260101", productionDate: "260101")
        var serials = try RandomSerialGenerator(length: 12)
        var payloads: [String] = []
        var formats: [[UInt8]] = []
        while payloads.count < Self.count {
            let serial = try serials.next()
            let code = try builder.code(serial: serial)
            let payload = try code.digitalLink(domain: GS1DigitalLink.defaultDomain)
            guard !payloads.contains(payload) else { continue }
            let values = template.sample.merging(FieldValues([
                "code.payload": payload, "code.hri": code.humanReadable, "code.serial": serial,
                "batch.lot": "L20260101", "batch.date": "260101",
            ]))
            payloads.append(payload)
            formats.append(try renderer.zpl(values).bytes)
        }

        let bench = try await LoopbackPrinter(keptLabels: Self.count)
        let ids = await zip(formats, payloads).asyncMap { await bench.link.submit($0, reference: $1) }
        await bench.link.waitUntilIdle()
        #expect(await LoopbackPrinter.states(of: ids, on: bench.link) == Array(repeating: .printed, count: Self.count))

        let printed = await bench.printer.recentLabels
        #expect(printed.map(\.zplHash) == formats.map(VirtualPrinter.formatHash), "none lost, none doubled, in order")
        #expect(await bench.printer.odometer == Self.count)
        let decoder = try BarcodeDecoder(options: .init(symbologies: [.qr]))
        var mismatches = 0
        for (label, payload) in zip(printed, payloads) {
            let symbols = try decoder.decode(label.bitmap.grayImage())
            if symbols.map(\.text) != [payload] { mismatches += 1 }
        }
        #expect(mismatches == 0)
        try await bench.stop()
    }
}
