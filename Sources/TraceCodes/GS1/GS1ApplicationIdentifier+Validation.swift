extension GS1ApplicationIdentifier {
    /// Checks one value against this AI's length, content and linter.
    public func validate(_ value: String, options: GS1ValidationOptions = .gs1) throws(TraceCodeError) {
        let subject = "AI (\(code)) \"\(value)\""
        guard !value.isEmpty else { throw TraceCodeError(subject, .empty) }
        switch content {
        case .numeric:
            try value.requireDigits(subject: subject)
        case .alphanumeric:
            let set = code == "10" || code == "21" ? options.lotAndSerialCharacterSet : .cset82
            try set.validate(value, subject: subject)
        }
        if !length.contains(value.count) {
            throw TraceCodeError(subject, length.count == 1
                ? .wrongLength(found: value.count, expected: [length.lowerBound])
                : .lengthOutOfRange(found: value.count, allowed: length))
        }
        switch linter {
        case .checkDigit: try GS1CheckDigit.validate(value, subject: subject)
        case .date: try GS1Date.validate(value, subject: subject)
        case nil: break
        }
    }
}
