import Ledger
import Station
import TraceCodes
import VirtualPrinter

/// The faults one line meets during the load, each at a point of its run: when the line has
/// settled that many labels. Points, not times, so a slow machine meets the same faults.
struct FaultPlan: Sendable {
    enum Fault: Sendable, Hashable {
        /// Paper runs out `after` labels from now, and is put back `holdMilliseconds` after the line pauses.
        case paperOut(after: Int, holdMilliseconds: Int)
        /// The printer drops the connection `afterBytes` into the next format, once.
        case drop(afterBytes: Int)
        /// The label `ahead` labels from now comes out with its symbols wiped.
        case damage(ahead: Int)
        /// The line is shut down with no grace and started again from the journal.
        case kill
    }

    struct Step: Sendable {
        /// Labels the line has settled (over all its runs: good, or flagged for the lead) before the fault.
        let at: Int
        let fault: Fault
    }

    let steps: [Step]

    /// One plan per line of `quantities` labels: per 2,000 labels a paper out and a dropped
    /// connection, per 1,000 an unreadable label (at least one of each per line), and `kills`
    /// kills on distinct lines. Each comes between a tenth and four fifths of the line's run,
    /// so the line is printing when it comes.
    static func plans(quantities: [Int], kills: Int, using random: inout SplitMix64) -> [FaultPlan] {
        let killed = Set((0..<quantities.count).shuffled(using: &random).prefix(kills))
        return quantities.enumerated().map { line, quantity in
            var faults: [Fault] = []
            for _ in 0..<max(1, quantity / 2000) {
                faults.append(.paperOut(after: Int.random(in: 1...4, using: &random), holdMilliseconds: Int.random(in: 100...400, using: &random)))
                faults.append(.drop(afterBytes: Int.random(in: 64...512, using: &random)))
            }
            for _ in 0..<max(1, quantity / 1000) { faults.append(.damage(ahead: Int.random(in: 1...4, using: &random))) }
            if killed.contains(line) { faults.append(.kill) }
            let points = (quantity / 10)...max(quantity / 10, quantity * 4 / 5)
            let steps = faults.map { Step(at: Int.random(in: points, using: &random), fault: $0) }
            return FaultPlan(steps: steps.sorted { $0.at < $1.at })
        }
    }
}

/// Faults injected, and those the line was seen to feel.
struct FaultCounts: Sendable {
    var paperOuts = 0
    /// Paper outs during which the line was seen paused.
    var paperOutPauses = 0
    var drops = 0
    /// Drops after which the line was seen without its printer.
    var disconnections = 0
    var damagedLabels = 0
    var kills = 0
    /// Faults not injected because the line had finished before their point.
    var skipped = 0

    static func + (lhs: FaultCounts, rhs: FaultCounts) -> FaultCounts {
        FaultCounts(paperOuts: lhs.paperOuts + rhs.paperOuts, paperOutPauses: lhs.paperOutPauses + rhs.paperOutPauses,
                    drops: lhs.drops + rhs.drops, disconnections: lhs.disconnections + rhs.disconnections,
                    damagedLabels: lhs.damagedLabels + rhs.damagedLabels, kills: lhs.kills + rhs.kills, skipped: lhs.skipped + rhs.skipped)
    }
}

/// What one line went through.
struct LineOutcome: Sendable {
    let line: String
    /// The line's workflow at the end: the one the station started, or the last restarted after a kill.
    let workflow: LineWorkflow
    /// Every virtual printer the line printed on (one more per kill), for their odometers.
    let printers: [VirtualPrinter]
    /// Where those printers logged their labels.
    let labelFolders: [String]
    let faults: FaultCounts
    /// Alarms that stopped the line, each acknowledged as a lead would, so the run went on.
    let alarms: [String]
}

/// Follows one line through its run, injecting its plan's faults at their points, then waits
/// until the line is idle. A kill stops the line as a crash would leave it, save the process:
/// `shutDown(grace: .zero)`, then a new workflow on the same ledger and journal resumes the run.
struct LineDriver {
    var workflow: LineWorkflow
    let plan: FaultPlan
    let ledger: any LedgerStore
    let options: LineWorkflow.Options
    /// The line's output folder; each restart's printer logs to a folder of its own in it.
    let folder: String
    var printers: [VirtualPrinter] = []
    var labelFolders: [String] = []
    var counts = FaultCounts()
    var alarms: [String] = []
    /// Labels settled (good or flagged) by the runs ended, on this workflow or before a kill,
    /// and by the run under way. Flagged labels count: the run owes no label for them, so a
    /// point counted in good labels alone might never come.
    var settledBefore = 0
    var run = (number: 0, settled: 0)

    init(workflow: LineWorkflow, plan: FaultPlan, ledger: any LedgerStore, options: LineWorkflow.Options, folder: String) {
        self.workflow = workflow
        self.plan = plan
        self.ledger = ledger
        self.options = options
        self.folder = folder
        printers = workflow.virtualPrinter.map { [$0] } ?? []
        labelFolders = [workflow.labelFolder]
    }

    mutating func drive() async throws -> LineOutcome {
        for (index, step) in plan.steps.enumerated() {
            guard try await follow(until: step.at) else {
                counts.skipped += plan.steps.count - index
                break
            }
            try await inject(step.fault)
        }
        _ = try await follow(until: nil)
        return LineOutcome(line: workflow.settings.id, workflow: workflow, printers: printers, labelFolders: labelFolders,
                           faults: counts, alarms: alarms)
    }

    /// Follows the line until it has settled `settled` labels in all (true), or until it is idle
    /// (false; always, when `settled` is nil). An alarm is acknowledged and the run goes on.
    private mutating func follow(until settled: Int?) async throws -> Bool {
        for await status in await workflow.statusChanges() {
            if status.run != run.number {
                settledBefore += run.settled
                run.number = status.run
            }
            run.settled = status.good + status.unconfirmed
            if let settled, settledBefore + run.settled >= settled { return true }
            switch await workflow.snapshot.state {
            case .stopped(let alarm):
                alarms.append(alarm)
                try await workflow.resume()
            case .idle:
                return false
            default:
                break
            }
        }
        return false
    }

    private mutating func inject(_ fault: FaultPlan.Fault) async throws {
        guard let printer = workflow.virtualPrinter else { throw BenchError("line \(workflow.settings.id) has no virtual printer") }
        switch fault {
        case let .paperOut(after, hold):
            counts.paperOuts += 1
            try await printer.setFault("paper-out-after=\(await printer.odometer + after)")
            if await until({ if case .paused = $0.state { true } else { false } }) { counts.paperOutPauses += 1 }
            try await Task.sleep(for: .milliseconds(hold))
            var faults = await printer.faults
            faults.paperOutAfter = nil
            await printer.setFaults(faults)
        case let .drop(afterBytes):
            counts.drops += 1
            try await printer.setFault("drop-after-bytes=\(afterBytes)")
            if await until({ !$0.printerConnected }) { counts.disconnections += 1 }
            var faults = await printer.faults
            faults.dropAfterBytes = nil
            await printer.setFaults(faults)
        case let .damage(ahead):
            counts.damagedLabels += 1
            try await printer.setFault("damage-label=\(await printer.odometer + ahead)")
        case .kill:
            counts.kills += 1
            let last = await workflow.shutDown(grace: .zero)
            settledBefore += last.good + last.unconfirmed
            run = (0, 0)
            let labelFolder = "\(folder)/labels-after-kill-\(counts.kills)"
            do {
                workflow = try await LineWorkflow.start(settings: workflow.settings, ledger: ledger, labelFolder: labelFolder, options: options)
                _ = try await workflow.resumeJournaledRun()
            } catch {
                throw BenchError("line \(workflow.settings.id) did not start again after a kill: \(error)")
            }
            printers += workflow.virtualPrinter.map { [$0] } ?? []
            labelFolders.append(labelFolder)
        }
    }

    /// Whether the line showed `condition` (or went idle, when it never will) within 10 s:
    /// far longer than a fault takes to show on a line that is printing.
    private func until(_ condition: @escaping @Sendable (LineStatus) -> Bool) async -> Bool {
        let changes = await workflow.statusChanges()
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await status in changes {
                    if condition(status) { return true }
                    if status.state == .idle { return false }
                }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(10))
                return false
            }
            defer { group.cancelAll() }
            return await group.next() ?? false
        }
    }
}
