import Foundation
import Ledger
import Station
import VirtualPrinter

/// What a station load found: its figures, and each check with what it saw.
struct StationLoadResult {
    /// One promise the load checks, and the evidence.
    struct Check {
        let name: String
        let passed: Bool
        let detail: String
    }

    /// One batch as the load left it.
    struct BatchOutcome {
        let id: Int64
        let line: String
        let quantity: Int
        let counts: Reconciliation
        /// Why it was closed by a lead's override, when it was.
        let override: String?
    }

    /// The API's latency target at the 99th percentile, in milliseconds.
    static let latencyTarget = 50.0

    let seed: UInt64
    let labels: Int
    let lines: Int
    /// From the first line started to the last line idle.
    var elapsed = Duration.zero
    var latency = LatencySamples()
    var outcomes: [LineOutcome] = []
    var batches: [BatchOutcome] = []
    var checks: [Check] = []
    var odometers = 0

    var faults: FaultCounts { outcomes.map(\.faults).reduce(FaultCounts(), +) }
    var passed: Bool { checks.allSatisfy(\.passed) }
    var goodLabels: Int { batches.map(\.counts.verifiedPass).reduce(0, +) }
    var flagged: Int { batches.map { $0.counts.unconfirmed + $0.counts.printedConfirmed }.reduce(0, +) }
    var labelsPerSecond: Double { Double(goodLabels + flagged) / max(elapsed.milliseconds / 1e3, 1e-9) }

    /// Proves the promises from the ledger, the printers' logs and the API: every line idle,
    /// no code printed twice, none lost, every batch balanced save for the labels flagged by
    /// kills (closed by override, as a lead would), the closes signed, the audit chain intact.
    mutating func check(batches ids: [Int64], quantities: [Int], ledger: any LedgerStore, api: LoadAPI, signer: CheckpointSigner) async throws {
        var busy: [String] = []
        for outcome in outcomes {
            let state = await outcome.workflow.snapshot.state
            if state != .idle { busy.append("\(outcome.line) \(state)") }
        }
        checks.append(Check(name: "every line idle", passed: busy.isEmpty, detail: busy.isEmpty ? "\(outcomes.count) lines idle" : busy.joined(separator: "; ")))

        // Each batch's labels are all accounted for: good, or flagged for the lead.
        var lost: [String] = []
        var unbalanced: [String] = []
        var settledCodes: [String] = []
        var counted: [Reconciliation] = []
        for (index, id) in ids.enumerated() {
            let counts = try await ledger.reconcile(batch: id)
            counted.append(counts)
            let settled = counts.verifiedPass + counts.unconfirmed + counts.printedConfirmed
            if settled != quantities[index] || counts.sent > 0 {
                lost.append("batch \(id): \(settled) settled of \(quantities[index]), \(counts.sent) sent with no outcome")
            }
            // The only imbalance allowed is a label printed whose verdict a kill lost: flagged for the lead.
            if counts.issued != counts.printed + counts.voided + counts.unused + counts.sent || counts.sent > 0 {
                unbalanced.append("batch \(id): " + counts.problems.joined(separator: "; "))
            }
            for state in [LabelState.verifiedPass, .unconfirmed, .printed] {
                settledCodes += try await ledger.codes(batch: id, in: state).map(\.value)
            }
        }
        let flagged = counted.map { $0.unconfirmed + $0.printedConfirmed }.reduce(0, +)
        checks.append(Check(name: "no loss", passed: lost.isEmpty, detail: lost.isEmpty
            ? "every batch: verified pass + flagged = its quantity; \(flagged) flagged for the lead" : lost.joined(separator: "; ")))

        // No code twice in the ledger, nor any label printed twice by any printer.
        let duplicateCodes = settledCodes.count - Set(settledCodes).count
        var printedFormats: [String] = []
        for folder in outcomes.flatMap(\.labelFolders) {
            let log = (try? String(contentsOfFile: folder + "/labels.jsonl", encoding: .utf8)) ?? ""
            for line in log.split(separator: "\n") {
                guard let range = line.range(of: #""zpl_fnv1a64":"[0-9a-f]+""#, options: .regularExpression) else { continue }
                printedFormats.append(String(line[range]))
            }
        }
        let duplicatePrints = printedFormats.count - Set(printedFormats).count
        checks.append(Check(name: "no duplicate", passed: duplicateCodes == 0 && duplicatePrints == 0,
                            detail: "\(duplicateCodes) codes settled twice in the ledger; \(duplicatePrints) of \(printedFormats.count) printed labels printed twice"))

        // The printers' odometers agree with the ledger: every label the ledger holds printed was
        // printed, and every label printed is in the ledger (voided or flagged at worst).
        for outcome in outcomes {
            for printer in outcome.printers { odometers += await printer.odometer }
        }
        let printed = counted.map { $0.verifiedPass + $0.verifiedFail + $0.printedConfirmed }.reduce(0, +)
        let atMost = printed + counted.map { $0.unconfirmed + $0.voided }.reduce(0, +)
        let odometersAgree = (printed...atMost).contains(odometers) && odometers == printedFormats.count
        checks.append(Check(name: "odometers agree with the ledger", passed: odometersAgree,
                            detail: "odometers \(odometers), printer logs \(printedFormats.count); ledger: \(printed) printed and judged, up to \(atMost) with voided and unconfirmed"))
        checks.append(Check(name: "reconciliation balances", passed: unbalanced.isEmpty,
                            detail: unbalanced.isEmpty ? "every batch; labels in doubt flagged" : unbalanced.joined(separator: "; ")))

        // Each batch is closed through the API, by override only when labels are flagged.
        var refused: [String] = []
        for (index, id) in ids.enumerated() {
            let counts = counted[index]
            var override: String?
            if !counts.isBalanced || counts.unconfirmed > 0 {
                override = "load run: \(counts.unconfirmed) unconfirmed and \(counts.printedConfirmed) unverified labels flagged after "
                    + "dropped connections and kills, accepted by the lead"
            }
            let json = override.map { #"{"override": {"reason": "\#($0)"}}"# } ?? "{}"
            let (status, body) = try await api.send(.POST, "/api/v1/batches/\(id)/close", json: json)
            if status != 200 { refused.append("batch \(id): \(status) \(String(buffer: body))") }
            batches.append(BatchOutcome(id: id, line: "line-\(index + 1)", quantity: quantities[index],
                                        counts: counts, override: override))
        }
        checks.append(Check(name: "every batch closed", passed: refused.isEmpty, detail: refused.isEmpty
            ? "\(ids.count) closed, \(batches.count { $0.override != nil }) by override" : refused.joined(separator: "; ")))

        let audit = try await ledger.verifyAudit(trustedKey: signer.publicKey)
        checks.append(Check(name: "audit chain intact", passed: audit.isIntact && audit.checkpointsVerified == ids.count,
                            detail: audit.isIntact ? "\(audit.eventsChecked) events, \(audit.checkpointsVerified) signed checkpoints"
                                : audit.findings.prefix(3).joined(separator: "; ")))
        checks.append(Check(name: "API answered", passed: latency.failures == 0 && !latency.all.isEmpty,
                            detail: "\(latency.all.count) requests, \(latency.failures) failed"))
    }
}
