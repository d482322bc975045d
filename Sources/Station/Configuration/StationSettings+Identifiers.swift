extension StationSettings {
    /// What a station id, a line id and a user name may hold, said the way errors say it.
    static let safeIdentifierRule = "use 1 to 64 letters (A–Z, a–z), digits, '-' and '_'"

    /// 1 to 64 ASCII letters, digits, `-` and `_`: safe in the ledger, in URLs and in file names.
    public static func isSafeIdentifier(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F
            }
    }

    /// A POSIX environment variable name: letters, digits and `_`, not starting with a digit.
    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
    }

    /// Bearer tokens are at least this long.
    public static let minimumTokenLength = 16
}
