/// A 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters,
/// 登记管理部门 (1) + 机构类别 (1) + 行政区划 (6, GB/T 2260) + 主体标识码 (9, the
/// organisation code) + a check character.
public struct SocialCreditCode: Hashable, Sendable, CustomStringConvertible {
    public let registrationAuthority: Character
    public let organizationType: Character
    public let regionCode: String
    public let organizationCode: String
    public let checkCharacter: Character

    /// The GB 32100 character set, values 0 to 30 in this order (no I, O, S, V, Z).
    public static let characters = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// Weight of position i (1-based) is 3^(i-1) mod 31.
    public static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Rules a station may adjust.
    public struct Rules: Sendable, Hashable {
        /// Also check the GB 11714 check character that ends the 9-character organisation code.
        public var checksOrganizationCode: Bool
        /// Codes accepted although their check character is wrong: real codes issued that way
        /// exist, and only a registry lookup can tell them apart.
        public var allowList: Set<String>

        public init(checksOrganizationCode: Bool = false, allowList: Set<String> = []) {
            self.checksOrganizationCode = checksOrganizationCode
            self.allowList = allowList
        }
    }

    /// The check character for the first 17 characters, which must be in `characters`.
    public static func checkCharacter(for body: some StringProtocol) -> Character {
        var sum = 0
        for (character, weight) in zip(body, weights) {
            sum += characters.firstIndex(of: character)! * weight
        }
        return characters[(31 - sum % 31) % 31]
    }

    public init(_ text: String, rules: Rules = Rules()) throws(TraceCodeError) {
        let subject = "USCC \(text)"
        guard !text.isEmpty else { throw TraceCodeError(subject, .empty) }
        for (offset, character) in text.enumerated() where !Self.characters.contains(character) {
            throw TraceCodeError(subject, .character(character, position: offset + 1, allowedSet: "the GB 32100 set 0-9 A-H J-N P-R T U W-Y"))
        }
        guard text.count == 18 else {
            throw TraceCodeError(subject, .wrongLength(found: text.count, expected: [18]))
        }
        let allowed = rules.allowList.contains(text)
        let expected = Self.checkCharacter(for: text.prefix(17))
        if text.last! != expected, !allowed {
            throw TraceCodeError(subject, .checkCharacter(found: text.last!, expected: expected))
        }
        let characters = Array(text)
        organizationCode = String(characters[8..<17])
        if rules.checksOrganizationCode, !allowed {
            let expectedInner = Self.organizationCheckCharacter(for: organizationCode.prefix(8))
            guard characters[16] == expectedInner else {
                throw TraceCodeError("organisation code \(organizationCode) in USCC \(text)",
                                     .checkCharacter(found: characters[16], expected: expectedInner))
            }
        }
        registrationAuthority = characters[0]
        organizationType = characters[1]
        regionCode = String(characters[2..<8])
        checkCharacter = characters[17]
    }

    /// GB 11714: weights 3,7,9,10,5,8,4,2; c = 11 − (Σ mod 11), 10 → X, 11 → 0. Letters count
    /// as A = 10 … Z = 35.
    static func organizationCheckCharacter(for body: some StringProtocol) -> Character {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (character, weight) in zip(body, weights) {
            let value = character.isASCIIDigit ? Int(character.asciiValue! - 48) : Int(character.asciiValue! - 55)
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return Character(String(digit))
        }
    }

    public var description: String {
        "\(registrationAuthority)\(organizationType)\(regionCode)\(organizationCode)\(checkCharacter)"
    }
}
