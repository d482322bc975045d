import Testing
@testable import Labels

@Suite("Bad templates, profiles and data")
struct BadInputTests {
    static func error(_ yaml: String, values: [String: String]? = nil) -> LabelError? {
        do {
            let template = try LabelTemplate(yaml: yaml, name: "bad", file: "bad.yaml", folder: ".")
            let renderer = try LabelRenderer(template: template, device: Shipped.library.device("virtual-203"))
            _ = try renderer.zpl(values.map(FieldValues.init) ?? template.sample)
            return nil
        } catch {
            return error
        }
    }

    @Test("Errors name the file, the line and the element", arguments: [
        ("size: { width: 60, height: 40 }\nelements:\n  - { type: text, x: 1, y: 1, size: 3, text: 'a', colour: red }\n", 3, "element 0 (text)", "unknown key 'colour'"),
        ("size: { width: 60, height: 40 }\nelements:\n  - { type: txt, x: 1, y: 1 }\n", 3, "element 0 (txt)", "unknown type 'txt'"),
        ("size: { width: 60, height: 40 }\nelements:\n  - { type: text, x: 1, y: 1, size: 3, text: '{{lot' }\n", 3, "element 0 (text)", "without a closing"),
        ("size: { width: 60, height: 40 }\nelements:\n  - { type: text, id: lot, x: 1, y: 1, size: 3, text: '{{batch.lot}}' }\n", 3, "element 0 (lot)", "no value for {{batch.lot}}"),
        ("size: { width: 60, height: 40 }\nsample: { a: '\(String(repeating: "x", count: 2000))' }\nelements:\n  - { type: qr, id: q, x: 1, y: 1, data: '{{a}}', size: 20 }\n", 4, "element 0 (q)", "does not fit 20 mm"),
        ("size: { width: 60, height: 40 }\nelements:\n  - { type: text, x: 1, y: 1, size: 3, rotation: 45, text: a }\n", 3, "element 0 (text)", "rotation must be"),
    ])
    func located(yaml: String, line: Int, element: String, message: String) throws {
        let error = try #require(Self.error(yaml))
        #expect(error.file == "bad.yaml")
        #expect(error.line == line, "\(error)")
        #expect(error.element == element, "\(error)")
        #expect(error.message.contains(message), "\(error)")
    }

    @Test("Malformed YAML and a malformed profile name their file and line")
    func malformed() {
        #expect(throws: LabelError(file: "bad.yaml", line: 2, "not valid YAML: found character that cannot start any token")) {
            try LabelTemplate(yaml: "size: { width: 60 }\n  `x\n", name: "bad", file: "bad.yaml", folder: ".")
        }
        #expect { try DeviceProfile(yaml: "model: X\ndpi: 250\nprint_width: 800\nmedia: { width: 60, height: 40 }\n", name: "x", file: "x.yaml") } throws: { error in
            let error = error as! LabelError
            return error.file == "x.yaml" && error.line == 2 && error.message.contains("203, 300 or 600")
        }
    }

    @Test("Placeholders: dates in ISO or GS1 form print in any pattern; JSON data flattens to dotted keys")
    func placeholders() throws {
        let text = try FieldText(parsing: "批号 {{batch.lot}} 日期 {{batch.date | date: yyyy年MM月dd日}} {{batch.date|date:yyMMdd}}")
        #expect(text.keys == ["batch.lot", "batch.date"])
        let iso = FieldValues(["batch.lot": "L1", "batch.date": "2025-03-01"])
        #expect(try text.resolved(with: iso) == "批号 L1 日期 2025年03月01日 250301")
        let gs1 = FieldValues(["batch.lot": "L1", "batch.date": "250301"])
        #expect(try text.resolved(with: gs1) == "批号 L1 日期 2025年03月01日 250301")
        #expect(throws: LabelError.self) { try text.resolved(with: FieldValues(["batch.lot": "L1", "batch.date": "2025-02-30"])) }
        let json = try FieldValues(json: Array(#"{"batch": {"lot": "L2", "count": 20, "ok": true}}"#.utf8), file: "d.json")
        #expect(json.values == ["batch.lot": "L2", "batch.count": "20", "batch.ok": "true"])
    }

    @Test("The QR capacity table agrees with the encoder at every version and level")
    func capacity() throws {
        for (level, capacities) in QRCapacity.bytes {
            for (offset, bytes) in capacities.enumerated() {
                #expect(QRCapacity.version(forBytes: bytes, errorCorrection: level, gs1: false) == offset + 1)
                #expect(QRCapacity.version(forBytes: bytes + 1, errorCorrection: level, gs1: false) == (offset == 39 ? nil : offset + 2))
            }
        }
    }
}
