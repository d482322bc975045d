import ArgumentParser
import Foundation
import Ledger
import Reporting

/// `tracestation batch`: drive the ledger by hand. Operators' scripts depend on these command
/// lines and on `issue` printing one code per line.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Create batches, issue codes, record label events, reconcile and close batches.",
        discussion: """
            Every code is reserved durably in the ledger before it is printed here, so a code on \
            screen is always on record. The ledger is a SQLite file (--db, default \
            data/station.sqlite) or a plant's PostgreSQL database (--db postgres://user@host:5432/ledger; \
            the password from TRACESTATION_LEDGER_PASSWORD when the URL has none).

            Examples:
              tracestation batch create --gtin 06901234567892 --lot B20250301 --quantity 1000
              tracestation batch issue 1 --count 10 > codes.txt
              tracestation batch record 1 --event printed --codes codes.txt
              tracestation batch reconcile 1 --html report.html
              TRACESTATION_SIGNING_KEY=station.key tracestation batch close 1
              tracestation batch report 1 --to https://platform.example/reports --epcis batch-1.jsonld
            """,
        subcommands: [Create.self, Issue.self, Record.self, Reprint.self, Reconcile.self, Close.self, Report.self, List.self, Show.self]
    )
}

/// Where the ledger is and who writes to it; every ledger command takes these.
struct LedgerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The ledger: a SQLite file, or a postgres://user@host:port/database URL (password from $\(LedgerLocation.passwordVariable) when the URL has none).",
                               valueName: "path-or-url"))
    var db = SQLiteLedger.defaultPath

    @Option(help: "Station id written into each event (default: $TRACESTATION_STATION_ID or the host name).")
    var station: String?

    @Option(help: ArgumentHelp("Seconds to wait for another process's lock on a SQLite file before failing.", valueName: "seconds"))
    var busyTimeout = LedgerOptions.defaultBusyTimeout

    static let defaultBusyTimeout = 5.0

    /// `readOnly` opens a SQLite file without creating or migrating it; a PostgreSQL ledger's
    /// reads run in read-only transactions anyway.
    func open(readOnly: Bool = false) async throws -> any LedgerStore {
        try await Self.open(db: db, station: station, busyTimeout: busyTimeout, readOnly: readOnly)
    }

    static func open(db: String, station: String?, busyTimeout: Double, readOnly: Bool = false) async throws -> any LedgerStore {
        let environment = ProcessInfo.processInfo.environment
        let station = station ?? environment["TRACESTATION_STATION_ID"] ?? ProcessInfo.processInfo.hostName
        return try await LedgerLocation.open(db, station: station, sqliteOptions: .init(busyTimeout: busyTimeout, readOnly: readOnly),
                                             environment: environment)
    }
}

extension BatchCommand {
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an open batch and print its id.")

        @OptionGroup var ledger: LedgerOptions

        @Option(help: "GTIN-8, -12, -13 or -14 with its check digit.")
        var gtin: String

        @Option(help: "Lot for AI (10): 1 to 20 characters of GS1 CSET 82.")
        var lot: String

        @Option(help: "Items to label.")
        var quantity: Int

        @Option(help: "Production date YYMMDD for AI (11).")
        var date: String?

        @Option(help: "Extra codes allowed beyond the quantity, in percent (for reprints and spoilage).")
        var overage = BatchSpec.defaultOveragePercent

        @Option(help: "Digital Link domain, with an optional path prefix.")
        var domain = "https://id.gs1.org"

        @Option(help: "Characters per random serial (6 to 20).")
        var serialLength = BatchSpec.defaultSerialLength

        func run() async throws {
            let spec = try BatchSpec(gtin: gtin, lot: lot, productionDate: date, quantity: quantity, overagePercent: overage,
                                     domain: domain, serialLength: serialLength)
            print(try await ledger.open().createBatch(spec).id)
        }
    }

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue codes for a batch and print them, one per line.",
            discussion: "Codes are reserved in blocks, one transaction each; a block is printed only after it committed."
        )

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The batch id.")
        var batch: Int64

        @Option(help: "How many codes to issue.")
        var count: Int

        @Option(help: "Codes reserved per transaction.")
        var block = 1000

        @Option(help: "Output form: dl (Digital Link URI, the code's value) or hri (bracketed element string).")
        var form: Form = .dl

        enum Form: String, ExpressibleByArgument {
            case dl, hri
        }

        func validate() throws {
            guard count > 0 else { throw ValidationError("--count must be at least 1, not \(count)") }
            guard block > 0 else { throw ValidationError("--block must be at least 1, not \(block)") }
        }

        func run() async throws {
            let store = try await ledger.open()
            // Refuse the whole request up front rather than stop half-way.
            let current = try await store.batch(batch)
            guard current.issuedCount + count <= current.limit else {
                throw LedgerError("batch \(batch)", .overIssue(requested: count, issued: current.issuedCount, limit: current.limit))
            }
            var remaining = count
            while remaining > 0 {
                let codes = try await store.issue(batch: batch, count: min(block, remaining))
                remaining -= codes.count
                let lines = codes.map { form == .dl ? $0.value : $0.elementString }.joined(separator: "\n") + "\n"
                FileHandle.standardOutput.write(Data(lines.utf8))
            }
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record label events for codes applied outside the station (a coder fed by the station, a pre-printed roll).",
            discussion: """
                FILE holds one code per line (its Digital Link URI, as issued); blank lines are \
                skipped. Every code is checked: it must be issued in BATCH and the step must be legal \
                for its current state. Either all events are recorded in one commit, or none, and \
                each refused code is listed.
                """
        )

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The batch id.")
        var batch: Int64

        @Option(help: "printed, verified-pass, verified-fail, voided, sent or unconfirmed.")
        var event: EventName

        @Option(help: ArgumentHelp("File of codes, one per line; - for standard input.", valueName: "FILE"))
        var codes: String

        @Option(help: "Why the labels are voided (required with --event voided).")
        var reason: String?

        enum EventName: String, ExpressibleByArgument, CaseIterable {
            case printed, sent, unconfirmed
            case verifiedPass = "verified-pass"
            case verifiedFail = "verified-fail"
            case voided
        }

        func validate() throws {
            if event == .voided, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--event voided needs --reason")
            }
        }

        func run() async throws {
            let labelEvent: LabelEvent = switch event {
            case .printed: .printed
            case .sent: .sent
            case .unconfirmed: .unconfirmed
            case .verifiedPass: .verifiedPass
            case .verifiedFail: .verifiedFail
            case .voided: .voided(reason: reason ?? "")
            }
            let data: Data?
            if codes == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = FileManager.default.contents(atPath: codes)
            }
            guard let data else { throw ValidationError("--codes \(codes): cannot read the file") }
            let values = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            try await ledger.open().record(values.map { LabelChange(code: $0, event: labelEvent, batch: batch) })
            print("recorded \(values.count) \(event.rawValue) events")
        }
    }

    struct Reprint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Void a code and issue its replacement, linked to it; prints the new code."
        )

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The code to void, as issued.")
        var code: String

        @Option(help: "Why the label is reprinted.")
        var reason: String

        func run() async throws {
            print(try await ledger.open().reprint(code: code, reason: reason).value)
        }
    }

    struct Reconcile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count a batch's (or a shift's) codes by label state and check that they balance.",
            discussion: """
                issued = printed + voided + unused + sent, where printed counts confirmed, \
                unconfirmed and verified labels. A batch balances when nothing is left in flight \
                (sent) and every printed label was verified or flagged.

                A shift is the codes issued in [--from, --to), ISO 8601 times such as \
                2025-03-01T08:00:00+08:00.
                """
        )

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The batch id (omit with --from and --to).")
        var batch: Int64?

        @Option(help: "Shift start, ISO 8601.")
        var from: String?

        @Option(help: "Shift end (exclusive), ISO 8601.")
        var to: String?

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        @Option(help: ArgumentHelp("Also write CSV to this file.", valueName: "FILE"))
        var csv: String?

        @Option(help: ArgumentHelp("Also write a self-contained HTML page with a chart to this file.", valueName: "FILE"))
        var html: String?

        func validate() throws {
            guard (batch == nil) == (from != nil && to != nil), (from == nil) == (to == nil) else {
                throw ValidationError("give either a batch id, or --from and --to for a shift")
            }
        }

        func run() async throws {
            let store = try await ledger.open(readOnly: true)
            let result: Reconciliation
            if let batch {
                result = try await store.reconcile(batch: batch)
            } else {
                result = try await store.reconcile(from: try Self.milliseconds(from!, option: "--from"), to: try Self.milliseconds(to!, option: "--to"))
            }
            print(json ? result.json : result.table)
            if let csv { try Data(result.csv.utf8).write(to: URL(fileURLWithPath: csv)) }
            if let html { try Data(result.html.utf8).write(to: URL(fileURLWithPath: html)) }
        }

        private static func milliseconds(_ text: String, option: String) throws -> Int64 {
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw ValidationError("\(option) \(text): not an ISO 8601 time such as 2025-03-01T08:00:00+08:00")
            }
            return Int64(date.timeIntervalSince1970 * 1000)
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a balanced batch with a signed checkpoint.",
            discussion: """
                The checkpoint (batch, last event, its hash and the counts) is signed with Ed25519 \
                using the key from --signing-key or TRACESTATION_SIGNING_KEY: 64 hex digits or a \
                key file (`tracestation audit keygen` makes one). Without a key the batch stays open. \
                An unbalanced batch closes only with a shift lead's --override-reason and --lead, \
                which are recorded and signed.
                """
        )

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The batch id.")
        var batch: Int64

        @Option(help: ArgumentHelp("Signing key: 64 hex digits or a key file.", valueName: "KEY"))
        var signingKey: String?

        @Option(help: "Why an unbalanced batch is closed anyway.")
        var overrideReason: String?

        @Option(help: "The shift lead who decided the override.")
        var lead: String?

        func validate() throws {
            guard (overrideReason == nil) == (lead == nil) else {
                throw ValidationError("--override-reason and --lead go together")
            }
        }

        func run() async throws {
            let signer = try CheckpointSigner(option: signingKey, environment: ProcessInfo.processInfo.environment)
            let override = try overrideReason.map { reason throws(LedgerError) in try CloseOverride(reason: reason, lead: lead ?? "") }
            let checkpoint = try await ledger.open().close(batch: batch, signer: signer, override: override)
            print("batch \(batch) closed at event \(checkpoint.lastSeq + 1); checkpoint signed by \(checkpoint.publicKey.hexString)")
            print(checkpoint.counts.table)
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report a batch's new commissioned codes and voids to the traceability platform.",
            discussion: """
                Queues what the endpoint has not been sent yet (printed and not voided codes, and \
                voids) as one report in the ledger's outbox, in signed chunks of at most --chunk-codes \
                items, then delivers the endpoint's pending chunks. Run it again after more labels \
                print: only the new codes go. A run cut short (crash, network, --give-up-after) \
                leaves its chunks pending; `tracestation outbox retry` or this command resumes them, \
                and the platform drops any chunk it already holds by its idempotency key.

                The token and HMAC secret come from the environment variables the profile names \
                (TRACESTATION_PLATFORM_TOKEN and TRACESTATION_PLATFORM_SECRET by default); for a \
                loopback endpoint (the reference receiver, `tracestation platform-sim`) the demo \
                values demo-token and demo-secret apply when they are not set.

                Exits 0 when every chunk of the batch's reports to the endpoint is delivered, 1 when \
                some are pending or refused (dead letters), saying what to do.
                """
        )

        @OptionGroup var ledger: LedgerOptions

        @OptionGroup var delivery: DeliveryOptions

        @Argument(help: "The batch id.")
        var batch: Int64

        @Option(help: ArgumentHelp("Platform endpoint; default: the profile's platform.endpoint.", valueName: "URL"))
        var to: String?

        @Option(help: ArgumentHelp("Also write the batch's EPCIS 2.0 JSON-LD document (every commissioned code and void) to this file.", valueName: "FILE"))
        var epcis: String?

        @Option(help: ArgumentHelp("At most this many codes and voids per chunk; default: the profile's platform.chunk_codes.", valueName: "N"))
        var chunkCodes: Int?

        func run() async throws {
            let profile = try delivery.loadProfile()
            let destination = to ?? profile.platform.endpoint.absoluteString
            let credentials = try delivery.credentials(profile, for: [destination])
            let store = try await ledger.open()
            let builder = try ReportBuilder(profile: profile, chunkItems: chunkCodes)
            if let epcis {
                let report = try builder.batchReport(try await store.reportableRecords(batch: batch, destination: nil))
                try EPCISExporter(profile: profile).write(report, createdAt: builder.iso8601(Timestamp.now()), to: epcis)
                print("wrote EPCIS 2.0 document \(epcis): \(report.codes.count) commissioned, \(report.voids.count) voided")
            }
            if let queued = try await builder.enqueue(batch: batch, destination: destination, in: store) {
                print("queued report \(queued.number): \(queued.codes) codes, \(queued.voids) voids in \(queued.chunks) chunks to \(destination)")
            } else {
                print("nothing new to report for batch \(batch) to \(destination)")
            }
            _ = try await delivery.deliver(store, profile: profile, credentials: credentials, only: destination)

            let reports = try await store.outboxStatus(destination: destination).reports.filter { $0.report.batch == batch }
            let chunks = { (state: ChunkState) in reports.reduce(0) { $0 + $1.chunks[state, default: 0] } }
            let counts = try await store.reconcile(batch: batch)
            print("batch \(batch) to \(destination): \(counts.reported ?? 0) codes reported, \(counts.acknowledged ?? 0) acknowledged, "
                + "\(reports.reduce(0) { $0 + $1.report.voids }) voids; chunks: \(chunks(.delivered)) delivered, \(chunks(.pending)) pending, \(chunks(.dead)) dead")
            let receipts = reports.flatMap(\.receipts)
            if !receipts.isEmpty { print("receipts: " + receipts.joined(separator: " ")) }
            try OutboxCommand.exitUnlessEmpty(pending: chunks(.pending), dead: chunks(.dead))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List batches: id, GTIN, lot, quantity, issued, state.")

        @OptionGroup var ledger: LedgerOptions

        func run() async throws {
            let batches = try await ledger.open(readOnly: true).batches()
            print(["id", "gtin", "lot", "quantity", "limit", "issued", "state"].joined(separator: "\t"))
            for batch in batches {
                print([String(batch.id), batch.spec.gtin, batch.spec.lot, String(batch.spec.quantity), String(batch.limit),
                       String(batch.issuedCount), batch.state.rawValue].joined(separator: "\t"))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one batch and its reconciliation.")

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The batch id.")
        var batch: Int64

        func run() async throws {
            let store = try await ledger.open(readOnly: true)
            let current = try await store.batch(batch)
            let spec = current.spec
            print("""
                batch       \(current.id) (\(current.state.rawValue))
                gtin        \(spec.gtin)
                lot         \(spec.lot)
                date        \(spec.productionDate ?? "-")
                quantity    \(spec.quantity) + \(spec.overagePercent)% overage = limit \(current.limit)
                issued      \(current.issuedCount)
                domain      \(spec.domain)
                created     \(Timestamp.iso8601(current.createdAt))
                """)
            print(try await store.reconcile(batch: batch).table)
        }
    }
}
