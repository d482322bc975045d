import Foundation
import Imaging
import Testing
import Verification
@testable import Labels

@Suite("Shipped templates on shipped printers")
struct ShippedLabelTests {
    @Test("Three templates and five printers are shipped")
    func catalogue() {
        #expect(Shipped.templates == ["carton-100x60", "part-30x20", "product-60x40"])
        #expect(Shipped.devices == ["virtual-203", "virtual-300", "zebra-zd421-203", "zebra-zt411-203", "zebra-zt411-300"])
    }

    @Test("Every template renders on every printer without lint errors, and its PNG decodes to exactly the code data",
          arguments: Shipped.pairs)
    func rendersAndDecodes(template: String, device: String) throws {
        let renderer = try Shipped.renderer(template, device)
        let (layout, findings) = try renderer.check(renderer.template.sample)
        #expect(findings.filter { $0.severity == .error } == [])
        let bitmap = try renderer.bitmap(renderer.template.sample)
        if ProcessInfo.processInfo.environment["LABELS_WRITE_PNG"] != nil {
            try Data(PNG.encode(bitmap)).write(to: URL(fileURLWithPath: "/tmp/\(template)-\(device).png"))
        }
        let expected = layout.elements.compactMap { element -> [UInt8]? in
            switch element.content {
            case .qr(let qr): qr.data
            case .linear(let symbol): symbol.data
            default: nil
            }
        }
        let decoder = try BarcodeDecoder(options: .init(symbologies: BarcodeSymbology.common))
        let decoded = try decoder.decode(bitmap.grayImage()).map(\.bytes)
        #expect(decoded.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
