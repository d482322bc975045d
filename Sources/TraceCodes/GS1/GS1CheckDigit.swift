/// The GS1 mod-10 check digit shared by GTIN, SSCC and GLN.
///
/// Weights 3, 1, 3, … are applied from the rightmost data digit; the check digit is
/// (10 − sum mod 10) mod 10.
public enum GS1CheckDigit {
    /// The check digit for `body`, which must contain ASCII digits only.
    public static func compute(for body: some StringProtocol) -> Character {
        var sum = 0
        for (index, character) in body.reversed().enumerated() {
            let digit = Int(character.asciiValue! - 48)
            sum += index.isMultiple(of: 2) ? digit * 3 : digit
        }
        return Character(String((10 - sum % 10) % 10))
    }

    /// Checks the last digit of `digits` (all ASCII digits, at least two) against the others.
    static func validate(_ digits: String, subject: String) throws(TraceCodeError) {
        let expected = compute(for: digits.dropLast())
        let found = digits.last!
        guard found == expected else {
            throw TraceCodeError(subject, .checkDigit(found: found, expected: expected))
        }
    }
}
