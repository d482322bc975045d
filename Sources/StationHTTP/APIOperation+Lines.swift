/// The routes of the lines: status, start, pause, resume, triggers and printer.
extension APIOperation {
    static let lineRoutes: [APIOperation] = [listLines, getLine, startLine, pauseLine, resumeLine, triggerLine, finishLine, linePrinter]

    private static let lineParameter = Parameter(name: "line", location: .path, description: "The line id, as configured.",
                                                 schema: Schema.string)
    private static let unknownLine = Answer.error(404, "The station has no such line (`line-not-found`).")
    private static let lineDown = Answer.error(503, "The line is configured but not running (`line-not-running`); its printer could not start.")
    private static let refused = Answer.error(409, "The line refuses in its present state (`line-refused`); the message says why.")

    private static func lineAnswer(_ status: Int, _ description: String) -> Answer {
        Answer(status: status, description: description, content: Schema.json("Line"))
    }

    static let listLines = APIOperation(
        id: "listLines", method: .get, path: "/api/v1/lines", summary: "Every line of the station with its state, counts and printer.",
        role: .operator_, answers: [.init(status: 200, description: "The lines, in configuration order.", content: Schema.json("LineList"))])

    static let getLine = APIOperation(
        id: "getLine", method: .get, path: "/api/v1/lines/{line}", summary: "One line: state, the run's counts, printer, latest labels and verdicts.",
        role: .operator_, parameters: [lineParameter], answers: [lineAnswer(200, "The line."), unknownLine, lineDown])

    static let startLine = APIOperation(
        id: "startLine", method: .post, path: "/api/v1/lines/{line}/start",
        summary: "Starts printing an open batch on the line: `count` good labels, or one label per trigger in trigger mode. Answers at once.",
        role: .operator_, parameters: [lineParameter],
        body: Body(description: "The batch and how many labels.", content: Schema.json("StartLine"), required: true),
        answers: [lineAnswer(202, "The run is under way.")] + [
            .error(400, "The body is not JSON (`malformed-json`)."),
            .error(404, "The station has no such line (`line-not-found`), or no such batch (`batch-not-found`)."),
            .error(409, "The batch is closed (`batch-closed`), or a run is under way or an alarm stopped the line (`line-refused`)."),
            .error(413, "The body is over 64 KiB (`too-large`)."),
            .error(415, "The Content-Type is not application/json (`unsupported-media-type`)."),
            .error(422, "A field is missing, unknown or breaks its rule; `field` names it."),
            .error(503, "The line is not running (`line-not-running`), or the ledger is unavailable."),
        ])

    static let pauseLine = APIOperation(
        id: "pauseLine", method: .post, path: "/api/v1/lines/{line}/pause",
        summary: "Holds the line after the label under way; labels in the printer print on resume. Nothing to do when no run is under way.",
        role: .operator_, parameters: [lineParameter], answers: [lineAnswer(200, "The line."), unknownLine, refused, lineDown])

    static let resumeLine = APIOperation(
        id: "resumeLine", method: .post, path: "/api/v1/lines/{line}/resume",
        summary: "Goes on where the line stopped. A line an alarm stopped needs a lead, whose acknowledgement this is.",
        role: .operator_, parameters: [lineParameter],
        answers: [lineAnswer(200, "The line."), unknownLine, refused, lineDown])

    static let triggerLine = APIOperation(
        id: "triggerLine", method: .post, path: "/api/v1/lines/{line}/triggers",
        summary: "One item passed the sensor: one more label in trigger mode. Triggers while paused are kept.",
        role: .operator_, parameters: [lineParameter],
        answers: [lineAnswer(202, "The label is queued; `target` counts it."), unknownLine,
                  .error(409, "The line is not in trigger mode, or an alarm stopped it (`line-refused`)."), lineDown])

    static let finishLine = APIOperation(
        id: "finishLine", method: .post, path: "/api/v1/lines/{line}/finish",
        summary: "Leaves trigger mode once every triggered label is printed and verified. Answers at once.",
        role: .operator_, parameters: [lineParameter],
        answers: [lineAnswer(202, "The run ends once its labels settle."), unknownLine,
                  .error(409, "The line is not in trigger mode (`line-refused`)."), lineDown])

    static let linePrinter = APIOperation(
        id: "linePrinter", method: .get, path: "/api/v1/lines/{line}/printer", summary: "The line's printer: connection, state, problems.",
        role: .operator_, parameters: [lineParameter],
        answers: [.init(status: 200, description: "The printer.", content: Schema.json("LinePrinter")), unknownLine, lineDown])
}
