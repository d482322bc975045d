import ZPL

/// What the printer sends back for one input, and whether it then drops the connection.
public struct PrinterReply: Sendable, Equatable {
    public var bytes: [UInt8]
    public var closeConnection: Bool
}

/// What an event leaves to do once taken: the bytes to answer, whether they answer a status
/// query (and so wait out the status delay), and whether buffered formats may now print.
struct EventOutcome {
    var bytes: [UInt8] = []
    var answersStatus = false
    var mayPrint = false
}

extension VirtualPrinter {
    /// Runs one parsed event and returns the bytes to send back, if any.
    public func handle(_ event: ZPLStreamEvent, partialFormat: Bool = false) async -> [UInt8] {
        let outcome = take(event, partialFormat: partialFormat)
        if outcome.mayPrint { await printBuffered() }
        if outcome.answersStatus && faults.statusDelayMilliseconds > 0 {
            try? await Task.sleep(for: .milliseconds(faults.statusDelayMilliseconds))
        }
        return outcome.bytes
    }

    /// Runs decoded inputs in order, as one read brought them, and returns their answers
    /// together. Under the `drop-after-bytes` fault a format longer than the limit is lost and
    /// the connection dropped, as when a cable is pulled mid-job: nothing after it runs.
    public func receive(_ inputs: [PrinterInput]) async -> PrinterReply {
        var reply = PrinterReply(bytes: [], closeConnection: false)
        for input in inputs {
            if drops(input) {
                reply.closeConnection = true
                break
            }
            reply.bytes += await handle(input.event, partialFormat: input.insideFormat)
        }
        return reply
    }

    /// `receive` without suspending, for a printer that takes no time over events; `nil` when
    /// it does. Called on the printer's event loop, it answers within the read.
    func receiveAtOnce(_ inputs: [PrinterInput]) -> PrinterReply? {
        guard !takesTime else { return nil }
        var reply = PrinterReply(bytes: [], closeConnection: false)
        for input in inputs {
            if drops(input) {
                reply.closeConnection = true
                break
            }
            let outcome = take(input.event, partialFormat: input.insideFormat)
            if outcome.mayPrint { printAtOnce() }
            reply.bytes += outcome.bytes
        }
        return reply
    }

    private func drops(_ input: PrinterInput) -> Bool {
        guard case let .format(script) = input.event, let limit = faults.dropAfterBytes else { return false }
        return script.bytes.count > limit
    }
}
