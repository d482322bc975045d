/// GS1 identifiers in their canonical form for the event hash, as the reference
/// implementation's Digital Link normaliser gives them: `https://id.gs1.org`, a GTIN-14, and
/// only the finest level of identification (a serial drops the lot). EPC URNs of the kinds a
/// line station meets (SGTIN, SSCC, SGLN, PGLN, LGTIN) become Digital Links too.
enum DigitalLinkNormaliser {
    /// The canonical URI, or nil when `uri` is not a GS1 identifier this knows.
    static func normalised(_ uri: String) -> String? {
        guard uri.contains(".") else { return nil }
        if uri.hasPrefix("urn:epc:") { return fromURN(uri) }
        guard uri.hasPrefix("http://") || uri.hasPrefix("https://") else { return nil }
        return fromDigitalLink(uri)
    }

    private static let keys = ["00", "01", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006", "8010", "8017", "8018"]

    private static func fromDigitalLink(_ uri: String) -> String? {
        var canonical = uri
        if !(uri.hasPrefix("https://id.gs1.org/") && keys.contains(where: { uri.hasPrefix("https://id.gs1.org/\($0)/") })) {
            guard let key = keys.compactMap({ uri.range(of: "/\($0)/") }).min(by: { $0.lowerBound < $1.lowerBound }) else {
                return nil
            }
            canonical = "https://id.gs1.org" + uri[key.lowerBound...]
        }
        var parts = canonical.dropFirst("https://id.gs1.org/".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "01", parts.count > 1, parts[1].allSatisfy(\.isNumber), [8, 12, 13].contains(parts[1].count) {
            parts[1] = String(repeating: "0", count: 14 - parts[1].count) + parts[1]
        }
        // A serial identifies the item: the lot before it is dropped.
        if parts.count == 6, parts[0] == "01" || parts[0] == "8006", parts[2] == "10", parts[4] == "21" {
            parts.removeSubrange(2...3)
        }
        let result = "https://id.gs1.org/" + parts.joined(separator: "/")
        return isValid(parts) ? result : nil
    }

    /// The shapes the reference accepts as output.
    private static func isValid(_ parts: [String]) -> Bool {
        func digits(_ text: String, _ count: Int) -> Bool { text.count == count && text.allSatisfy(\.isNumber) }
        func value(_ text: String, _ maximum: Int) -> Bool {
            text.count <= maximum && text.unicodeScalars.allSatisfy { scalar in
                [0x22, 0x27, 0x2D, 0x2E, 0x5F].contains(scalar.value) || (0x30...0x39).contains(scalar.value)
                    || (0x3B...0x3F).contains(scalar.value) || (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
            }
        }
        switch (parts.first, parts.count) {
        case ("00", 2): return digits(parts[1], 18)
        case ("01", 2): return digits(parts[1], 14)
        case ("01", 4): return digits(parts[1], 14) && (["21", "10"].contains(parts[2]) && value(parts[3], 20)
                                                          || parts[2] == "235" && value(parts[3], 28))
        case ("414", 2), ("417", 2): return digits(parts[1], 13)
        case ("414", 4): return digits(parts[1], 13) && parts[2] == "254" && value(parts[3], 20)
        case ("8017", 2), ("8018", 2): return digits(parts[1], 18)
        default: return false
        }
    }

    private static func fromURN(_ uri: String) -> String? {
        let fields = uri.split(separator: ":", maxSplits: 4).map(String.init)
        guard fields.count == 5 else { return nil }
        let parts = fields[4].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch (fields[2], fields[3]) {
        case ("id", "sgtin") where parts.count == 3 && parts[0].count + parts[1].count == 13:
            let body = String(parts[1].prefix(1)) + parts[0] + parts[1].dropFirst()
            return "https://id.gs1.org/01/\(body)\(checkDigit(body))/21/\(webEncoded(parts[2]))"
        case ("class", "lgtin") where parts.count == 3 && parts[0].count + parts[1].count == 13:
            let body = String(parts[1].prefix(1)) + parts[0] + parts[1].dropFirst()
            return "https://id.gs1.org/01/\(body)\(checkDigit(body))/10/\(webEncoded(parts[2]))"
        case ("id", "sscc") where parts.count == 2 && parts[0].count + parts[1].count == 17:
            let body = String(parts[1].prefix(1)) + parts[0] + parts[1].dropFirst()
            return "https://id.gs1.org/00/\(body)\(checkDigit(body))"
        case ("id", "sgln") where parts.count == 3 && parts[0].count + parts[1].count == 12:
            let body = parts[0] + parts[1]
            let gln = "https://id.gs1.org/414/\(body)\(checkDigit(body))"
            return parts[2] == "0" ? gln : gln + "/254/" + webEncoded(parts[2])
        case ("id", "pgln") where parts.count == 2 && parts[0].count + parts[1].count == 12:
            let body = parts[0] + parts[1]
            return "https://id.gs1.org/417/\(body)\(checkDigit(body))"
        default:
            return nil
        }
    }

    private static func checkDigit(_ body: String) -> Int {
        let sum = body.reversed().enumerated().reduce(0) { $0 + ($1.1.wholeNumberValue ?? 0) * ($1.0 % 2 == 0 ? 3 : 1) }
        return (10 - sum % 10) % 10
    }

    /// The characters GS1 Digital Link wants percent-encoded that EPC URIs allow.
    private static func webEncoded(_ text: String) -> String {
        [("!", "%21"), ("(", "%28"), (")", "%29"), ("*", "%2A"), ("+", "%2B"), (",", "%2C"), (":", "%3A")]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
