import Foundation

/// The Ecode version table the validator enforces, loaded from JSON.
///
/// The bundled table (`ecode-versions.json`) is marked `"verified": false`: it is a
/// recollection of GB/T 31866-2015. A station configured with the confirmed table loads
/// it with `init(contentsOf:)`.
public struct EcodeTable: Sendable, Hashable, Decodable {
    /// False until the rows have been confirmed against the standard text.
    public let verified: Bool
    public let standard: String
    public let note: String
    public let versions: [EcodeVersionSpec]

    public init(verified: Bool, standard: String, note: String, versions: [EcodeVersionSpec]) throws(TraceCodeError) {
        self.verified = verified
        self.standard = standard
        self.note = note
        self.versions = versions
        try check(source: "Ecode table")
    }

    /// The table shipped with TraceCodes.
    public static func bundled() throws(TraceCodeError) -> EcodeTable {
        guard let url = Bundle.module.url(forResource: "ecode-versions", withExtension: "json") else {
            throw TraceCodeError("Ecode table ecode-versions.json", .unreadable("is missing from the TraceCodes resources"))
        }
        return try EcodeTable(contentsOf: url)
    }

    /// Loads a replacement table from a JSON file of the bundled table's shape.
    public init(contentsOf url: URL) throws(TraceCodeError) {
        let source = "Ecode table \(url.path)"
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TraceCodeError(source, .unreadable("cannot be read: \(error.localizedDescription)"))
        }
        try self.init(json: data, source: source)
    }

    /// Decodes a table from JSON; `source` names it in errors.
    public init(json: Data, source: String = "Ecode table") throws(TraceCodeError) {
        do {
            self = try JSONDecoder().decode(EcodeTable.self, from: json)
        } catch {
            throw TraceCodeError(source, .unreadable("is not a valid Ecode table: \(error)"))
        }
        try check(source: source)
    }

    /// The row for a version character, if the table has one.
    public func spec(forVersion version: Character) -> EcodeVersionSpec? {
        versions.first { $0.version == String(version) }
    }

    private func check(source: String) throws(TraceCodeError) {
        var seen: Set<String> = []
        for spec in versions {
            guard spec.version.count == 1, spec.nsiLength > 0, (spec.masterDataMaxLength ?? 1) > 0 else {
                throw TraceCodeError(source, .unreadable(
                    "row for version \"\(spec.version)\" needs a one-character version and positive lengths"
                ))
            }
            guard seen.insert(spec.version).inserted else {
                throw TraceCodeError(source, .unreadable("version \"\(spec.version)\" appears more than once"))
            }
        }
    }
}
