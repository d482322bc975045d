extension PrinterFaults {
    /// The faults that are set, as the `NAME=VALUE` assignments `set(_:)` takes.
    public var assignments: [String] {
        var result: [String] = []
        if let paperOutAfter { result.append("paper-out-after=\(paperOutAfter)") }
        if ribbonOut { result.append("ribbon-out=1") }
        if headOpen { result.append("head-open=1") }
        if paused { result.append("pause=1") }
        if let dropAfterBytes { result.append("drop-after-bytes=\(dropAfterBytes)") }
        if statusDelayMilliseconds > 0 { result.append("status-delay-ms=\(statusDelayMilliseconds)") }
        if silentStatus { result.append("status-silent=1") }
        if garbageStatus { result.append("status-garbage=1") }
        if !damagedLabels.isEmpty { result.append("damage-label=" + damagedLabels.sorted().map(String.init).joined(separator: ",")) }
        return result
    }
}
