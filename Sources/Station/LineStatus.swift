import Foundation
import Printing

/// A snapshot of one line for the operator, the lead and a dashboard: its state, its run's
/// counts and its printer. Counts are for the current (or last) run on this workflow.
public struct LineStatus: Sendable, Hashable {
    /// One verified label, for a chart of grades over time.
    public struct Verdict: Sendable, Hashable {
        public var time: Date
        public var code: String
        public var passed: Bool
        /// The ISO/IEC 15415/15416 letter, A to F; nil when the label could not be graded.
        public var grade: String?
        /// The overall grade, 0.0 to 4.0; nil when the label could not be graded.
        public var score: Double?

        public init(time: Date, code: String, passed: Bool, grade: String?, score: Double?) {
            self.time = time
            self.code = code
            self.passed = passed
            self.grade = grade
            self.score = score
        }
    }

    public var line: String
    /// Runs begun on this workflow; counts start again at 0 with each, so a reader of
    /// successive snapshots knows when they do.
    public var run: Int
    public var state: LineState
    /// The batch being printed, if a run was started.
    public var batch: Int64?
    /// Whether the run prints one label per trigger (its target grows with each) rather than a count.
    public var triggerMode: Bool
    /// Good labels the run is to print.
    public var target: Int
    /// Codes the run took from the ledger, reprints included.
    public var issued: Int
    /// Labels the printer's odometer proved printed.
    public var printed: Int
    public var verifiedPass: Int
    public var verifiedFail: Int
    /// Labels voided (failed verification, or a job the printer refused) and reprinted.
    public var voided: Int
    /// Labels whose fate the printer link could not prove, never reprinted on their own:
    /// the lead decides. Each is listed in `unconfirmedCodes` until a verification settles it.
    public var unconfirmed: Int
    public var unconfirmedCodes: [String]
    /// Good labels so far: verified pass, or printed when the line does not verify.
    public var good: Int
    public var printerConnected: Bool
    /// The printer's problems as last reported; empty when it is ready.
    public var printerProblems: [PrinterProblem]
    /// Labels handed to the printer link and not yet proven printed (or failed).
    public var inPrinter: Int
    /// Times a printer fault paused the run.
    public var printerPauses: Int
    /// The most recent printed label images (renders, or the camera's images), newest last.
    public var lastLabelImages: [String]
    /// Camera images that showed no label waiting for one: unreadable, blank, another line's
    /// label, or a label already judged. They are moved to the folder's `failed/` and void
    /// nothing, as they cannot say which label they should have shown.
    public var unmatchedImages: Int
    /// The most recent verdicts, oldest first (at most the workflow's `keptVerdicts`).
    public var recentVerdicts: [Verdict]

    public init(line: String) {
        self.line = line
        run = 0
        state = .idle
        triggerMode = false
        target = 0
        issued = 0
        printed = 0
        verifiedPass = 0
        verifiedFail = 0
        voided = 0
        unconfirmed = 0
        unconfirmedCodes = []
        good = 0
        printerConnected = false
        printerProblems = []
        inPrinter = 0
        printerPauses = 0
        lastLabelImages = []
        unmatchedImages = 0
        recentVerdicts = []
    }

    /// Good labels still to print in this run.
    public var remaining: Int { max(0, target - good - unconfirmedCodes.count) }
}
