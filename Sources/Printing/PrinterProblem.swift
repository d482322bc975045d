/// Something that stops a printer from printing, or stops the link from knowing.
public enum PrinterProblem: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case paperOut = "paper-out"
    case ribbonOut = "ribbon-out"
    case headOpen = "head-open"
    case paused
    case bufferFull = "buffer-full"
    case cutterFault = "cutter-fault"
    case headOverTemperature = "head-over-temperature"
    case motorOverTemperature = "motor-over-temperature"
    /// An error bit of `~HQES` without a name here.
    case otherError = "other-error"
    /// `~HS` went unanswered while `~HQES` reported no error.
    case hostStatusSilent = "host-status-silent"
    /// An answer arrived but was not a status answer.
    case unreadableStatus = "unreadable-status"
    /// Neither `~HS` nor `~HQES` was answered, or there is no connection.
    case offline

    public var description: String { rawValue }
}
