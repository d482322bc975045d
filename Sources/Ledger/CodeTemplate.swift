import TraceCodes

/// A batch's codes with the serial left out: each code's Digital Link URI and element string
/// are the batch's fixed text around its serial.
///
/// Built once per block from `GS1ItemCodeBuilder` output, so the forms stay exactly the
/// builder's; filling in a serial is then two string concatenations instead of building,
/// validating and percent-encoding a whole element string per code. This holds because
/// serials are drawn from `SerialAlphabet`, which is valid in AI (21) and never
/// percent-encoded.
struct CodeTemplate: Sendable {
    private let link: (prefix: String, suffix: String)
    private let element: (prefix: String, suffix: String)

    init(builder: GS1ItemCodeBuilder, domain: String, serialLength: Int) throws {
        // Two serials that differ in every character: what they share around the serial is
        // exactly the fixed text.
        let first = try builder.code(serial: String(repeating: "0", count: serialLength))
        let second = try builder.code(serial: String(repeating: "1", count: serialLength))
        link = Self.split(try first.digitalLink(domain: domain), try second.digitalLink(domain: domain))
        element = Self.split(first.humanReadable, second.humanReadable)
    }

    func digitalLink(serial: String) -> String { link.prefix + serial + link.suffix }

    func elementString(serial: String) -> String { element.prefix + serial + element.suffix }

    private static func split(_ first: String, _ second: String) -> (prefix: String, suffix: String) {
        let a = Array(first.utf8), b = Array(second.utf8)
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        return (String(decoding: a[..<head], as: UTF8.self), String(decoding: a[(a.count - tail)...], as: UTF8.self))
    }
}
