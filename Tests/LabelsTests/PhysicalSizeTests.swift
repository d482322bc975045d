import Testing
@testable import Labels

@Suite("Resolution independence")
struct PhysicalSizeTests {
    @Test("At 203 and 300 dpi every element has the same place and size within one dot at 203 dpi", arguments: Shipped.templates)
    func sameSize(template: String) throws {
        let low = try Shipped.renderer(template, "zebra-zt411-203"), high = try Shipped.renderer(template, "zebra-zt411-300")
        let a = try low.layout(low.template.sample), b = try high.layout(high.template.sample)
        #expect(a.elements.count == b.elements.count)
        let tolerance = 1.0 / 8  // one dot at 203 dpi, in mm
        for (first, second) in zip(a.elements, b.elements) {
            let one = [first.rect.x, first.rect.y, first.rect.width, first.rect.height].map { Double($0) / 8 }
            let other = [second.rect.x, second.rect.y, second.rect.width, second.rect.height].map { Double($0) / 12 }
            for (p, q) in zip(one, other) {
                #expect(abs(p - q) <= tolerance + 1e-9, "\(first.label): \(first.rect) at 203 dpi, \(second.rect) at 300 dpi")
            }
        }
        #expect(abs(Double(a.width) / 8 - Double(b.width) / 12) <= tolerance)
        #expect(abs(Double(a.height) / 8 - Double(b.height) / 12) <= tolerance)
    }
}
