import TraceCodes

extension FieldValues {
    /// Values from `key=value` settings, as `--set` takes them on the command line.
    public init(settings: [String]) throws(LabelError) {
        var values: [String: String] = [:]
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw LabelError("'\(setting)' is not key=value, e.g. batch.lot=L2025A")
            }
            values[String(parts[0])] = String(parts[1])
        }
        self.init(values)
    }

    /// The values of one item's code: `code.payload` (its GS1 Digital Link on `domain`),
    /// `code.hri` (the bracketed text under a symbol) and `code.serial`, as the shipped
    /// templates use them.
    public init(code: GS1ElementString, domain: String = GS1DigitalLink.defaultDomain) throws(LabelError) {
        let payload: String
        do {
            payload = try code.digitalLink(domain: domain)
        } catch {
            throw LabelError("\(code.humanReadable) has no Digital Link on \(domain): \(error)")
        }
        self.init(["code.payload": payload, "code.hri": code.humanReadable, "code.serial": code[ai: "21"] ?? ""])
    }
}
