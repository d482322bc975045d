import Printing
import Testing
import ZPL

@Suite("Print job life and printer status")
struct PrintJobStateTests {
    @Test("Only the moves of the job's life are allowed")
    func moves() {
        let allowed: Set<String> = ["queued>sent", "queued>failed", "queued>cancelled",
                                    "sent>printed", "sent>unconfirmed", "sent>failed", "sent>cancelled"]
        for from in PrintJobState.allCases {
            for to in PrintJobState.allCases {
                #expect(from.canMove(to: to) == allowed.contains("\(from)>\(to)"), "\(from) → \(to)")
            }
        }
        #expect(PrintJobState.allCases.filter(\.isFinal) == [.printed, .unconfirmed, .failed, .cancelled])
    }

    @Test("Silence on ~HS is never ready: ~HQES names the fault, and with no answer at all the printer is offline")
    func silence() {
        #expect(PrinterStatus(host: nil, extended: ZPLExtendedStatus(errors: [.mediaOut, .headOpen])).problems == [.paperOut, .headOpen])
        #expect(PrinterStatus(host: nil, extended: ZPLExtendedStatus()).problems == [.hostStatusSilent])
        #expect(PrinterStatus(host: nil, extended: nil).problems == [.offline])
        #expect(PrinterStatus(host: nil, extended: nil, unreadable: true).problems == [.unreadableStatus])
        #expect(PrinterStatus(host: ZPLHostStatus(), extended: ZPLExtendedStatus()).isReady)
    }

    @Test("~HS flags become problems")
    func hostFlags() {
        var host = ZPLHostStatus()
        host.paused = true
        host.bufferFull = true
        #expect(PrinterStatus(host: host, extended: nil).problems == [.paused, .bufferFull])
        #expect(PrinterStatus(host: nil, extended: ZPLExtendedStatus(errors: .init(rawValue: 0x100))).problems == [.otherError])
    }

    @Test("~HI gives model, firmware and dots per millimetre")
    func identity() {
        let identity = PrinterIdentity(parsing: "\u{02}ZD421-203dpi,V84.20.18Z,8,8192KB\u{03}\r\n")
        #expect(identity?.model == "ZD421-203dpi" && identity?.firmware == "V84.20.18Z" && identity?.dotsPerMillimetre == 8)
        #expect(PrinterIdentity(parsing: "\u{02}\u{03}") == nil)
    }
}
