import PropertyBased
import Testing
@testable import Labels

@Suite("Rendering label after label")
struct RepeatRenderingTests {
    @Test("A renderer that has rendered other labels gives the same ZPL and layout as a fresh one")
    func noStateLeaks() async throws {
        let serials = Gen.letterOrNumber.string(of: 1...20).array(of: 2...6)
        await propertyCheck(count: 25, input: serials) { serials in
            let used = try Shipped.renderer("product-60x40", "zebra-zt411-203")
            for serial in serials {
                let values = Self.values(serial: serial, sample: used.template.sample)
                let fresh = try Shipped.renderer("product-60x40", "zebra-zt411-203")
                #expect(try used.zpl(values).text == fresh.zpl(values).text)
                #expect(try used.layout(values) == fresh.layout(values))
            }
        }
    }

    private static func values(serial: String, sample: FieldValues) -> FieldValues {
        sample.merging(FieldValues([
            "code.payload": "https://id.gs1.org/01/06901234567892/10/L2025A/21/\(serial)",
            "code.hri": "(01)06901234567892(10)L2025A(21)\(serial)",
            "code.serial": serial,
        ]))
    }
}
