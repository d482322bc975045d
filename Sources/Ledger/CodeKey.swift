/// Where a code's row is found: its GTIN and serial, read from its Digital Link URI.
///
/// Only a locator: the row found is accepted only when its stored value equals the URI, so a
/// URI that merely looks like one of ours (another domain, another lot, extra query
/// attributes) is an unknown code. The station's URIs have no `/` inside a value (values
/// are percent-encoded), so the serial is the last path segment after `21`, and the GTIN is
/// the 14 digits after the last `01` segment that has them.
struct CodeKey: Hashable {
    let gtin: Substring
    let serial: Substring

    init?(digitalLink value: String) {
        let path = value.prefix { $0 != "?" && $0 != "#" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 4, segments[segments.count - 2] == "21" else { return nil }
        serial = segments[segments.count - 1]
        var index = segments.count - 3
        while index > 0 {
            let candidate = segments[index]
            if segments[index - 1] == "01", candidate.utf8.count == 14, candidate.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                gtin = candidate
                return
            }
            index -= 1
        }
        return nil
    }
}
