import ZPL

extension VirtualPrinter {
    /// The ~HS fields as they stand.
    func hostStatus(partialFormat: Bool) -> ZPLHostStatus {
        var status = ZPLHostStatus()
        status.paperOut = isPaperOut
        status.paused = faults.paused
        status.headUp = faults.headOpen
        status.ribbonOut = faults.ribbonOut
        status.labelLength = renderer.defaultSize.length
        status.formatsInBuffer = bufferedFormats
        status.partialFormat = partialFormat
        status.labelsRemaining = bufferedLabels
        return status
    }

    func extendedStatus() -> ZPLExtendedStatus {
        var errors: ZPLExtendedStatus.Errors = []
        if isPaperOut { errors.insert(.mediaOut) }
        if faults.ribbonOut { errors.insert(.ribbonOut) }
        if faults.headOpen { errors.insert(.headOpen) }
        return ZPLExtendedStatus(errors: errors)
    }

    func control(_ command: ZPLCommand, partialFormat: Bool) -> EventOutcome {
        switch command.name {
        case "HS":
            // The Zebra guide: no ~HS answer under media out, ribbon out or head open.
            if isPaperOut || faults.ribbonOut || faults.headOpen { return EventOutcome() }
            return statusAnswer(hostStatus(partialFormat: partialFormat).frames)
        case "HQ" where command.parameters == Array("ES".utf8):
            return statusAnswer(extendedStatus().frame)
        case "HI":
            let answer = "\u{02}\(configuration.model),V1.0.0,\(configuration.dotsPerMillimetre),8192KB\u{03}\r\n"
            return statusAnswer(Array(answer.utf8))
        case "JA":
            cancelAll()
            return EventOutcome()
        case "PP", "PS":
            setPaused(command.name == "PP")
            return EventOutcome(mayPrint: true)
        default:
            do {
                try storeInMemory(command)
            } catch {
                noteProblem(error.description)
            }
            return EventOutcome()
        }
    }

    /// `! U1 getvar "name"`: the odometer and the host status; `"?"` for anything else.
    func setGetDo(_ line: String, partialFormat: Bool) -> EventOutcome {
        let words = line.split(separator: " ")
        guard words.count >= 3, words[2].lowercased() == "getvar" || words[1].lowercased() == "getvar" else { return EventOutcome() }
        let name = line.split(separator: "\"").dropFirst().first.map(String.init)?.lowercased() ?? ""
        let value: String
        switch name {
        case "odometer.total_label_count":
            value = String(odometer)
        case "device.host_status":
            if isPaperOut || faults.ribbonOut || faults.headOpen { return EventOutcome() }
            value = hostStatus(partialFormat: partialFormat).fields.joined(separator: "\r\n")
        default:
            value = "?"
        }
        return statusAnswer(Array("\"\(value)\"".utf8))
    }

    /// The answer, or nothing, or garbage, as the faults say; an answer waits out the status delay.
    private func statusAnswer(_ answer: [UInt8]) -> EventOutcome {
        if faults.silentStatus { return EventOutcome() }
        if faults.garbageStatus { return EventOutcome(bytes: Array("\u{02}#?!GARBLED\u{1B}".utf8), answersStatus: true) }
        return EventOutcome(bytes: answer, answersStatus: true)
    }
}
