import Testing
import TraceCodes
@testable import Labels

@Suite("Values from settings and codes")
struct FieldValuesSourcesTests {
    @Test("key=value settings become values; a value may hold '=' and be empty")
    func settings() throws {
        let values = try FieldValues(settings: ["batch.lot=L2025A", "product.name=a=b", "product.model="])
        #expect(values.values == ["batch.lot": "L2025A", "product.name": "a=b", "product.model": ""])
    }

    @Test("A setting without a key or without '=' is refused, naming it", arguments: ["lot", "=L2025A", ""])
    func badSetting(setting: String) {
        #expect {
            try FieldValues(settings: ["batch.lot=L1", setting])
        } throws: { error in
            "\(error)".contains("'\(setting)' is not key=value")
        }
    }

    @Test("An item's code gives the Digital Link, the bracketed text and the serial")
    func code() throws {
        let code = try GS1ItemCodeBuilder(gtin: "06901234567892", lot: "L2025A", productionDate: "250301").code(serial: "7HB34KXBJHVK")
        let values = try FieldValues(code: code, domain: "https://trace.example.cn")
        #expect(values["code.payload"] == "https://trace.example.cn/01/06901234567892/10/L2025A/21/7HB34KXBJHVK?11=250301")
        #expect(values["code.hri"] == "(01)06901234567892(11)250301(10)L2025A(21)7HB34KXBJHVK")
        #expect(values["code.serial"] == "7HB34KXBJHVK")
    }
}
