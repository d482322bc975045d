/// Check characters a sequential serial may end with, so that a mistyped serial is caught
/// before it reaches the ledger.
public enum SerialCheckCharacter: String, Sendable, Hashable, CaseIterable {
    /// GS1 mod 10 (weights 3, 1 from the right, as for a GTIN). Catches every single-digit
    /// error, but not a swap of two adjacent digits that differ by 5.
    case gs1Mod10
    /// ISO/IEC 7064 MOD 11,10 (hybrid system, digit result). Catches every single-digit error
    /// and about 98 % of swaps of two adjacent digits (GS1 mod 10: about 89 %), including the
    /// swaps of digits differing by 5 that mod 10 misses.
    case iso7064Mod11_10

    /// The check digit for `digits` (ASCII digits only).
    public func compute(for digits: some StringProtocol) -> Character {
        switch self {
        case .gs1Mod10:
            return GS1CheckDigit.compute(for: digits)
        case .iso7064Mod11_10:
            var product = 10
            for character in digits {
                var sum = (product + Int(character.asciiValue! - 48)) % 10
                if sum == 0 { sum = 10 }
                product = (sum * 2) % 11
            }
            return Character(String((11 - product) % 10))
        }
    }
}
