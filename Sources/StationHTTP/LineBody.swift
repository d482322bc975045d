import Foundation
import Printing
import Station

/// A line as the API and the dashboard show it: its state, its run's counts and its printer.
struct LineBody: Encodable {
    struct PrinterBody: Encodable {
        let connected: Bool
        /// `ready`, `fault` (a problem the printer reports) or `offline`.
        let state: String
        let problems: [String]
        let pauses: Int
        let inPrinter: Int

        enum CodingKeys: String, CodingKey {
            case connected, state, problems, pauses
            case inPrinter = "in_printer"
        }
    }

    struct VerdictBody: Encodable {
        let time: String
        let code: String
        let passed: Bool
        let grade: String?
        let score: Double?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(time, forKey: .time)
            try container.encode(code, forKey: .code)
            try container.encode(passed, forKey: .passed)
            // Written as null, so a chart reads one shape for graded and ungraded labels.
            try container.encode(grade, forKey: .grade)
            try container.encode(score, forKey: .score)
        }

        enum CodingKeys: String, CodingKey {
            case time, code, passed, grade, score
        }
    }

    let line: String
    let state: String
    /// The operator's or printer's reason for a pause, or the alarm that stopped the line.
    let reason: String?
    let batch: Int64?
    /// `continuous` or `trigger`; null before the line's first run.
    let mode: String?
    let run: Int
    let target: Int
    let issued: Int
    let printed: Int
    let verifiedPass: Int
    let verifiedFail: Int
    let voided: Int
    let unconfirmed: Int
    let unconfirmedCodes: [String]
    let good: Int
    let remaining: Int
    /// Camera images that matched no label awaiting its verdict (watched-folder lines).
    let unmatchedImages: Int
    let printer: PrinterBody
    /// File names of the latest label images, newest last; `/dashboard/lines/{line}/labels/{name}` serves them.
    let labelImages: [String]
    /// The latest `verdictsShown` verdicts, oldest first; the dashboard's chart draws all the
    /// line keeps, server-side, so every poll need not carry them.
    let verdicts: [VerdictBody]

    static let verdictsShown = 20

    /// The line's body; `running` is false for a configured line the station could not start.
    init(_ status: LineStatus, running: Bool = true) {
        line = status.line
        state = running ? status.state.name : "unavailable"
        reason = switch status.state {
        case _ where !running: "the line is not running on this station; its printer or template could not start (see the log)"
        case .paused(let reason): reason
        case .stopped(let alarm): alarm
        case .idle, .running: nil
        }
        batch = status.batch
        mode = status.batch == nil ? nil : status.triggerMode ? "trigger" : "continuous"
        run = status.run
        target = status.target
        issued = status.issued
        printed = status.printed
        verifiedPass = status.verifiedPass
        verifiedFail = status.verifiedFail
        voided = status.voided
        unconfirmed = status.unconfirmed
        unconfirmedCodes = status.unconfirmedCodes
        good = status.good
        remaining = status.remaining
        unmatchedImages = status.unmatchedImages
        let printerState = !status.printerConnected ? "offline" : status.printerProblems.isEmpty ? "ready" : "fault"
        printer = PrinterBody(connected: status.printerConnected, state: printerState, problems: status.printerProblems.map(\.description),
                              pauses: status.printerPauses, inPrinter: status.inPrinter)
        labelImages = status.lastLabelImages.map { URL(fileURLWithPath: $0).lastPathComponent }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        verdicts = status.recentVerdicts.suffix(Self.verdictsShown).map {
            VerdictBody(time: formatter.string(from: $0.time), code: $0.code, passed: $0.passed, grade: $0.grade, score: $0.score)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(state, forKey: .state)
        try container.encode(reason, forKey: .reason)
        try container.encode(batch, forKey: .batch)
        try container.encode(mode, forKey: .mode)
        try container.encode(run, forKey: .run)
        try container.encode(target, forKey: .target)
        try container.encode(issued, forKey: .issued)
        try container.encode(printed, forKey: .printed)
        try container.encode(verifiedPass, forKey: .verifiedPass)
        try container.encode(verifiedFail, forKey: .verifiedFail)
        try container.encode(voided, forKey: .voided)
        try container.encode(unconfirmed, forKey: .unconfirmed)
        try container.encode(unconfirmedCodes, forKey: .unconfirmedCodes)
        try container.encode(good, forKey: .good)
        try container.encode(remaining, forKey: .remaining)
        try container.encode(unmatchedImages, forKey: .unmatchedImages)
        try container.encode(printer, forKey: .printer)
        try container.encode(labelImages, forKey: .labelImages)
        try container.encode(verdicts, forKey: .verdicts)
    }

    enum CodingKeys: String, CodingKey {
        case line, state, reason, batch, mode, run, target, issued, printed, voided, unconfirmed, good, remaining, printer, verdicts
        case verifiedPass = "verified_pass"
        case verifiedFail = "verified_fail"
        case unconfirmedCodes = "unconfirmed_codes"
        case labelImages = "label_images"
        case unmatchedImages = "unmatched_images"
    }
}

struct LineListBody: Encodable {
    let lines: [LineBody]
}
