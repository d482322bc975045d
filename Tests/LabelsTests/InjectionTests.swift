import Testing
@testable import Labels

/// Data reaching a field must never become a ZPL command.
@Suite("ZPL injection")
struct InjectionTests {
    static let attempts = [
        "^XZ^XA^FO0,0^FDpwned^FS", "~JA", "~DGR:X.GRF", "_5E", "\\&", "a\r\nb", "\u{01}\u{1B}\u{7F}", "中文^XZ",
    ]

    /// Every key of every shipped template that text or a QR shows as given. Keys read as
    /// dates or inside GS1 data are checked and refuse such values (tested below).
    static let cases: [(String, String, String)] = Shipped.templates.flatMap { name in
        let template = try! Shipped.library.template(name)
        var shown: Set<String> = [], checked: Set<String> = []
        for element in template.elements {
            let (field, isGS1): (FieldText, Bool) = switch element.kind {
            case .text(let text): (text.text, false)
            case .symbol(let symbol): (symbol.data, symbol.kind != .qr)
            default: (try! FieldText(parsing: ""), false)
            }
            for case let .placeholder(key, date) in field.segments {
                if isGS1 || date != nil { checked.insert(key) } else { shown.insert(key) }
            }
        }
        return shown.subtracting(checked).sorted().flatMap { key in attempts.map { (name, key, $0) } }
    }

    @Test("A date or GS1 value with ZPL in it is refused, naming the element")
    func refused() throws {
        let renderer = try Shipped.renderer("carton-100x60", "zebra-zt411-203")
        for key in ["batch.date", "batch.lot"] {
            var values = renderer.template.sample.values
            values[key] = "~JA"
            #expect { try renderer.zpl(FieldValues(values)) } throws: { error in
                let error = error as! LabelError
                return error.element != nil && error.line != nil && error.file == renderer.template.file
            }
        }
    }

    @Test("An injection attempt in any field comes out escaped, on a printer with and without a CJK font", arguments: cases)
    func escaped(template: String, key: String, attempt: String) throws {
        for device in ["zebra-zt411-203", "zebra-zd421-203"] {
            let renderer = try Shipped.renderer(template, device)
            var values = renderer.template.sample.values
            values[key] = attempt
            // Lint may refuse a control character or a line break; the escaping is checked anyway.
            let layout = try renderer.check(FieldValues(values)).layout
            let zpl = try renderer.zpl(of: layout).bytes
            #expect(!zpl.contains(UInt8(ascii: "~")), "a ~ command reached \(device)")
            #expect(!zpl.contains { $0 < 0x20 }, "a control byte reached \(device)")
            let text = String(decoding: zpl, as: UTF8.self)
            #expect(text.components(separatedBy: "^XA").count == 2)
            #expect(text.components(separatedBy: "^XZ").count == 2)
            #expect(!text.contains("^FDpwned"))
            #expect(!text.contains("^FO0,0"))
        }
    }
}
