extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// Throws for the first character that is not an ASCII digit, naming its position.
    func requireDigits(subject: String) throws(TraceCodeError) {
        for (offset, character) in enumerated() where !character.isASCIIDigit {
            throw TraceCodeError(subject, .character(character, position: offset + 1, allowedSet: "digits 0-9"))
        }
    }
}
