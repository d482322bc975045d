/// An Ecode (物联网标识, GB/T 31866): version character V, then NSI, then master data MD,
/// checked against an `EcodeTable`. No Ecode check digit is known, so none is checked.
/// NSI and company prefixes are assigned by the Ecode platform; they are inputs, never made here.
public struct Ecode: Hashable, Sendable, CustomStringConvertible {
    public let version: Character
    /// 编码体系标识 (numbering system identifier).
    public let nsi: String
    /// 主码 (master data code).
    public let masterData: String

    public init(_ text: String, table: EcodeTable) throws(TraceCodeError) {
        let subject = "Ecode \(text)"
        guard let version = text.first else { throw TraceCodeError(subject, .empty) }
        guard let spec = table.spec(forVersion: version) else {
            let known = table.versions.map(\.version).joined(separator: ", ")
            throw TraceCodeError(subject, .syntax("version '\(version)' is not in the Ecode table (known: \(known))"))
        }
        let nsi = String(text.dropFirst().prefix(spec.nsiLength))
        guard nsi.count == spec.nsiLength else {
            throw TraceCodeError(subject, .syntax("NSI of Ecode-V\(version) needs \(spec.nsiLength) digits, found \(nsi.count)"))
        }
        for (offset, character) in nsi.enumerated() where !character.isASCIIDigit {
            throw TraceCodeError(subject, .character(character, position: offset + 2, allowedSet: "digits 0-9 (NSI)"))
        }
        let masterData = String(text.dropFirst(1 + spec.nsiLength))
        guard !masterData.isEmpty else {
            throw TraceCodeError(subject, .syntax("master data (MD) after the NSI is empty"))
        }
        if let maximum = spec.masterDataMaxLength, masterData.count > maximum {
            throw TraceCodeError(subject, .lengthOutOfRange(found: masterData.count, allowed: 1...maximum))
        }
        let firstMasterDataPosition = 2 + spec.nsiLength
        for (offset, character) in masterData.enumerated() where !spec.charset.contains(character) {
            throw TraceCodeError(subject, .character(
                character, position: firstMasterDataPosition + offset, allowedSet: "\(spec.charset.name) (MD of Ecode-V\(version))"
            ))
        }
        self.version = version
        self.nsi = nsi
        self.masterData = masterData
    }

    public var description: String { String(version) + nsi + masterData }
}
