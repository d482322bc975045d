extension ZPLError {
    /// Refuses a command parameter outside `range`: printers clamp such values without a word,
    /// which would move or resize a field silently.
    static func check(_ value: Int, in range: ClosedRange<Int>, _ subject: @autoclosure () -> String) throws(ZPLError) {
        guard range.contains(value) else {
            throw ZPLError(subject(), .outOfRange(value, allowed: range))
        }
    }

    /// Coordinates, sizes and heights in dots: ZPL's common range for them.
    static let dots = 0...32000
}
