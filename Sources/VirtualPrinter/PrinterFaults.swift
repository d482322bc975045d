/// Faults a test or an operator injects into a virtual printer, by flag or over the control port.
public struct PrinterFaults: Sendable, Equatable {
    /// Paper runs out once the odometer reaches this count.
    public var paperOutAfter: Int?
    public var ribbonOut = false
    public var headOpen = false
    public var paused = false
    /// The connection is closed after this many bytes of a format, as a cable pulled mid-job.
    public var dropAfterBytes: Int?
    /// Status answers wait this many milliseconds.
    public var statusDelayMilliseconds = 0
    /// Status queries get no answer at all.
    public var silentStatus = false
    /// Status queries get bytes that are not a status answer.
    public var garbageStatus = false
    /// Labels (by odometer count, from 1) printed with their barcodes and QR codes wiped, as a
    /// ribbon wrinkle leaves them: the label comes out, but its symbol cannot be read.
    public var damagedLabels: Set<Int> = []

    public init() {}

    /// The names `set(_:)` takes.
    public static let names = [
        "paper-out-after", "ribbon-out", "head-open", "pause", "drop-after-bytes", "status-delay-ms", "status-silent", "status-garbage",
        "damage-label",
    ]

    /// Applies `NAME=VALUE`, such as `paper-out-after=3` or `head-open=1`; `NAME=0` clears a flag.
    /// `damage-label=N` (or `N,M,…`) adds labels to damage; `damage-label=0` clears them all.
    public mutating func set(_ assignment: String) throws(VirtualPrinterError) {
        let parts = assignment.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: [" "]) }
        let name = parts.first?.lowercased() ?? ""
        let value = parts.count == 2 ? parts[1] : "1"
        let flag = !["0", "false", "no", "off"].contains(value.lowercased())
        let number = Int(value)
        switch name {
        case "paper-out-after": paperOutAfter = number.flatMap { $0 >= 0 ? $0 : nil }
        case "ribbon-out": ribbonOut = flag
        case "head-open": headOpen = flag
        case "pause": paused = flag
        case "drop-after-bytes": dropAfterBytes = number.flatMap { $0 > 0 ? $0 : nil }
        case "status-delay-ms": statusDelayMilliseconds = max(0, number ?? 0)
        case "status-silent": silentStatus = flag
        case "status-garbage": garbageStatus = flag
        case "damage-label":
            guard flag else {
                damagedLabels = []
                return
            }
            let labels = value.split(separator: ",").map { Int($0.trimmingCharacters(in: [" "])) }
            guard !labels.isEmpty, labels.allSatisfy({ ($0 ?? 0) >= 1 }) else { throw .badFaultValue(assignment) }
            damagedLabels.formUnion(labels.compactMap { $0 })
        default: throw .unknownFault(name, known: Self.names)
        }
        if ["paper-out-after", "drop-after-bytes"].contains(name) && number == nil && value != "" {
            throw .badFaultValue(assignment)
        }
    }
}

/// The one error of the virtual printer.
public enum VirtualPrinterError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownFault(String, known: [String])
    case badFaultValue(String)
    case output(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownFault(name, known): "fault \"\(name)\" is unknown; use one of \(known.joined(separator: ", "))"
        case let .badFaultValue(assignment):
            "fault \"\(assignment)\" needs a whole number, such as paper-out-after=3, or label numbers from 1, such as damage-label=5,6"
        case let .output(path, reason): "cannot write \(path): \(reason); check the output folder exists and is writable"
        }
    }
}
