public import ZPL

/// A printer's status as read from `~HS` and `~HQES`, and the problems they show.
///
/// A printer does not answer `~HS` under paper out, ribbon out or head open, so silence is
/// never taken as "ready": `~HQES` names the fault, and if it is silent too the printer is offline.
public struct PrinterStatus: Sendable, Hashable {
    /// The `~HS` answer, or `nil` when there was none.
    public var host: ZPLHostStatus?
    /// The `~HQES` answer, or `nil` when there was none.
    public var extended: ZPLExtendedStatus?
    /// Sorted as `PrinterProblem.allCases`; empty when the printer is ready.
    public var problems: [PrinterProblem]

    public init(host: ZPLHostStatus?, extended: ZPLExtendedStatus?, unreadable: Bool = false) {
        self.host = host
        self.extended = extended
        var found = Set<PrinterProblem>()
        if let host {
            if host.paperOut { found.insert(.paperOut) }
            if host.ribbonOut { found.insert(.ribbonOut) }
            if host.headUp { found.insert(.headOpen) }
            if host.paused { found.insert(.paused) }
            if host.bufferFull { found.insert(.bufferFull) }
        }
        if let errors = extended?.errors {
            let named: [(ZPLExtendedStatus.Errors, PrinterProblem)] = [
                (.mediaOut, .paperOut), (.ribbonOut, .ribbonOut), (.headOpen, .headOpen), (.cutterFault, .cutterFault),
                (.headOverTemperature, .headOverTemperature), (.motorOverTemperature, .motorOverTemperature),
            ]
            for (bit, problem) in named where errors.contains(bit) { found.insert(problem) }
            if !errors.subtracting(ZPLExtendedStatus.Errors(named.map(\.0))).isEmpty { found.insert(.otherError) }
        }
        if unreadable { found.insert(.unreadableStatus) }
        if host == nil && !unreadable {
            if extended == nil { found.insert(.offline) } else if found.isEmpty { found.insert(.hostStatusSilent) }
        }
        problems = PrinterProblem.allCases.filter(found.contains)
    }

    /// The status of a printer the link cannot reach.
    public static let offline = PrinterStatus(host: nil, extended: nil)

    public var isReady: Bool { problems.isEmpty }

    /// Formats received and not yet printed, when `~HS` answered.
    public var formatsInBuffer: Int? { host?.formatsInBuffer }

    /// Labels still to print, when `~HS` answered.
    public var labelsRemaining: Int? { host?.labelsRemaining }
}
