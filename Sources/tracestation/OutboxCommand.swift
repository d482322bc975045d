import ArgumentParser
import Foundation
import Ledger
import Reporting

/// `tracestation outbox`: what is waiting to reach the platform, and sending it again.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Show the report outbox and deliver what is waiting in it.",
        discussion: """
            `batch report` queues a batch's new codes as one report of signed chunks in the ledger, \
            then delivers them. A chunk stays pending until the platform answers 2xx; a refused \
            chunk (4xx) becomes a dead letter with the platform's reason until a lead requeues it.

            Examples:
              tracestation outbox status
              tracestation outbox retry
              tracestation outbox retry --dead --to https://platform.example/reports
            """,
        subcommands: [Status.self, Retry.self]
    )
}

/// The reporting profile and how long a run may take; `batch report` and `outbox retry` take these.
struct DeliveryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Reporting profile (YAML); default config/reporting.yaml, else the embedded demo profile.", valueName: "FILE"))
    var profile: String?

    @Option(help: ArgumentHelp("Stop delivering after this many seconds; what is left stays pending in the outbox.", valueName: "seconds"))
    var giveUpAfter = 120.0

    func validate() throws {
        guard giveUpAfter > 0 else { throw ValidationError("--give-up-after must be more than 0 seconds, not \(giveUpAfter)") }
    }

    func loadProfile() throws -> ReportingProfile {
        try ReportingProfile.load(path: profile)
    }

    /// The credentials for every endpoint in `destinations` (checked first, so a missing
    /// secret stops the command before anything is queued or sent); warns once about demo values.
    func credentials(_ profile: ReportingProfile, for destinations: [String]) throws -> PlatformCredentials {
        var credentials = PlatformCredentials.demo
        var warned = false
        for url in destinations {
            try Self.checkEndpoint(url)
            let found = try PlatformCredentials.fromEnvironment(ProcessInfo.processInfo.environment, platform: profile.platform, endpoint: url)
            if let warning = found.warning, !warned {
                Self.warn(warning)
                warned = true
            }
            credentials = found.credentials
        }
        return credentials
    }

    /// Delivers the due chunks for `destination` (all when nil) with a progress line on
    /// standard error; returns the run's counts.
    func deliver(_ ledger: any LedgerStore, profile: ReportingProfile, credentials: PlatformCredentials, only destination: String?)
        async throws -> OutboxDeliverer.Progress {
        let policy = DeliveryPolicy(profile.platform)
        let client = PlatformClient(credentials: credentials, requestTimeout: policy.requestTimeout)
        let line = ProgressLine()
        let result: OutboxDeliverer.Progress
        do {
            result = try await OutboxDeliverer(ledger: ledger, client: client, policy: policy, destination: destination)
                .run(giveUpAfter: .milliseconds(Int64(giveUpAfter * 1000))) { line.show($0) }
        } catch {
            try? await client.shutdown()
            throw error
        }
        line.finish()
        try await client.shutdown()
        return result
    }

    static func checkEndpoint(_ url: String) throws {
        guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
              components.host?.isEmpty == false else {
            throw ValidationError("\(url): not an http or https URL such as https://platform.example/reports")
        }
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(text)\n".utf8))
    }
}

/// One line on standard error, rewritten at most a few times a second.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastShown = ContinuousClock.now - .seconds(1)
    private var latest: OutboxDeliverer.Progress?
    private var written: OutboxDeliverer.Progress?
    private let rewrites = isatty(STDERR_FILENO) == 1

    func show(_ progress: OutboxDeliverer.Progress) {
        lock.withLock {
            latest = progress
            guard ContinuousClock.now - lastShown >= .milliseconds(rewrites ? 200 : 1000) else { return }
            lastShown = .now
            write(progress, final: false)
        }
    }

    func finish() {
        // A terminal gets the line ended; a log gets the last figures only if not yet written.
        lock.withLock { if let latest, rewrites || latest != written { write(latest, final: true) } }
    }

    private func write(_ progress: OutboxDeliverer.Progress, final: Bool) {
        var text = "delivered \(progress.chunksDelivered) chunks (\(progress.codesDelivered) codes), \(progress.retries) retries, \(progress.dead) refused"
        if let problem = progress.lastProblem, !final { text += "; last problem: \(problem.prefix(120))" }
        FileHandle.standardError.write(Data((rewrites ? "\r\u{1B}[K" + text + (final ? "\n" : "") : text + "\n").utf8))
        written = progress
    }
}

extension OutboxCommand {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List reports with chunks not yet delivered (all with --all), and every dead letter with its reason."
        )

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("Only reports to this endpoint.", valueName: "URL"))
        var to: String?

        @Flag(help: "Also list reports delivered in full.")
        var all = false

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() async throws {
            let status = try await ledger.open(readOnly: true).outboxStatus(destination: to)
            let reports = status.reports.filter { all || $0.chunks[.delivered, default: 0] < $0.report.chunks }
            if json {
                print(Self.json(reports: reports, deadLetters: status.deadLetters))
                return
            }
            print("reports: \(status.reports.count); chunks: \(status.chunks(.delivered)) delivered, \(status.chunks(.pending)) pending, \(status.chunks(.dead)) dead")
            for entry in reports {
                let report = entry.report
                var line = "report \(report.number)  batch \(report.batch)  \(report.destination)  \(report.codes) codes, \(report.voids) voids"
                line += "  chunks: \(entry.chunks[.delivered, default: 0]) delivered, \(entry.chunks[.pending, default: 0]) pending, \(entry.chunks[.dead, default: 0]) dead"
                if let next = entry.nextAttemptAt { line += "  next attempt \(Timestamp.iso8601(next))" }
                print(line)
            }
            if !status.deadLetters.isEmpty {
                print("dead letters (fix the cause, then `tracestation outbox retry --dead`):")
                for letter in status.deadLetters {
                    print("  report \(letter.report) chunk \(letter.index)  first code \(letter.firstCode ?? "-")  \(letter.attempts) attempts  \(letter.reason)")
                }
            }
        }

        static func json(reports: [OutboxStatus.Report], deadLetters: [OutboxStatus.DeadLetter]) -> String {
            let reportObjects: [[String: Any]] = reports.map { entry in
                var object: [String: Any] = [
                    "report": entry.report.number, "batch": entry.report.batch, "destination": entry.report.destination,
                    "station": entry.report.station, "created_at": Timestamp.iso8601(entry.report.createdAt),
                    "codes": entry.report.codes, "voids": entry.report.voids, "chunks": entry.report.chunks,
                    "pending": entry.chunks[.pending, default: 0], "delivered": entry.chunks[.delivered, default: 0],
                    "dead": entry.chunks[.dead, default: 0], "acknowledged_codes": entry.acknowledgedCodes, "receipts": entry.receipts,
                ]
                if let next = entry.nextAttemptAt { object["next_attempt_at"] = Timestamp.iso8601(next) }
                return object
            }
            let letters: [[String: Any]] = deadLetters.map { letter in
                var object: [String: Any] = [
                    "report": letter.report, "batch": letter.batch, "destination": letter.destination, "chunk": letter.index,
                    "idempotency_key": letter.idempotencyKey, "attempts": letter.attempts, "reason": letter.reason,
                ]
                if let first = letter.firstCode { object["first_code"] = first }
                return object
            }
            let data = (try? JSONSerialization.data(withJSONObject: ["reports": reportObjects, "dead_letters": letters],
                                                    options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver every pending chunk now; with --dead, requeue the dead letters first.",
            discussion: "Exits 0 when nothing is left pending or dead, 1 otherwise."
        )

        @OptionGroup var ledger: LedgerOptions

        @OptionGroup var delivery: DeliveryOptions

        @Flag(help: "Requeue the dead letters (after their cause is fixed) and deliver them too.")
        var dead = false

        @Option(help: ArgumentHelp("Only chunks for this endpoint.", valueName: "URL"))
        var to: String?

        func run() async throws {
            let store = try await ledger.open()
            let profile = try delivery.loadProfile()
            if dead {
                let requeued = try await store.requeueDeadLetters(destination: to)
                print("requeued \(requeued) dead letters")
            }
            let before = try await store.outboxStatus(destination: to)
            let destinations = Set(before.reports.filter { $0.chunks[.pending, default: 0] > 0 }.map(\.report.destination)).sorted()
            var progress = OutboxDeliverer.Progress()
            if !destinations.isEmpty {
                let credentials = try delivery.credentials(profile, for: destinations)
                progress = try await delivery.deliver(store, profile: profile, credentials: credentials, only: to)
            }
            let after = try await store.outboxStatus(destination: to)
            print("delivered \(progress.chunksDelivered) chunks (\(progress.codesDelivered) codes); \(after.chunks(.pending)) pending, \(after.chunks(.dead)) dead")
            try OutboxCommand.exitUnlessEmpty(pending: after.chunks(.pending), dead: after.chunks(.dead))
        }
    }

    /// Says what to do about chunks left over and exits 1, or returns when there are none.
    static func exitUnlessEmpty(pending: Int, dead: Int) throws {
        guard pending > 0 || dead > 0 else { return }
        var advice: [String] = []
        if pending > 0 { advice.append("\(pending) chunks are still pending: run `tracestation outbox retry` when the platform is reachable") }
        if dead > 0 {
            advice.append("\(dead) chunks were refused by the platform: see `tracestation outbox status`, fix the cause, then run `tracestation outbox retry --dead`")
        }
        FileHandle.standardError.write(Data((advice.joined(separator: "\n") + "\n").utf8))
        throw ExitCode(1)
    }
}
