import ArgumentParser
import Foundation
import Imaging
import Ledger
import Symbology
import Station
import Verification

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify printed labels: read each image, match it against the expected codes, optionally grade it.",
        discussion: """
            Each image gets one verdict: pass (reads as an expected code), fail (as pass, but graded \
            below --min-grade), wrong (reads, confirmed by a second independent read, as another \
            code), duplicate (a code already verified), unreadable, or error (the file is not a \
            readable image). Without --expect or --batch any readable code passes once. Grades are \
            estimated from one uncalibrated image after ISO/IEC 15415/15416 and are not ISO-certified.

            With --batch the expected codes are the batch's in the ledger (--db), looked up per image, \
            and every pass or fail is recorded as verified-pass or verified-fail before its line is \
            written. A label still issued or sent in the ledger passes too: the camera has just seen \
            it, so printed is recorded first, in the same commit. A label already verified, here or \
            by another station, is a duplicate; wrong says why: other-batch, voided or not-issued.

              tracestation verify label.png --expect 'https://id.example.com/01/06901234567892/21/A1'
              tracestation verify --watch /srv/camera --expect-file batch.txt --json
              tracestation verify --watch /srv/camera --batch 7 --db data/station.sqlite --min-grade C --json
              ffmpeg -f v4l2 -i /dev/video0 -f image2pipe -vcodec mjpeg - | tracestation verify --stream - --json

            Exits 1 when an image given on the command line does not pass.
            """
    )

    @Argument(help: "PNG, JPEG or PNM images.")
    var images: [String] = []

    @Option(help: ArgumentHelp("An expected code, repeatable.", valueName: "TEXT"))
    var expect: [String] = []

    @Option(name: .customLong("expect-file"), help: ArgumentHelp("A file of expected codes, one a line.", valueName: "FILE"))
    var expectFile: String?

    @Flag(help: "Estimate the print-quality grade of each read symbol.")
    var grade = false

    @Option(help: ArgumentHelp("Expect the codes of this ledger batch and record each verdict on them.", valueName: "N"))
    var batch: Int64?

    @OptionGroup(title: "Ledger (with --batch)") var ledger: BatchLedgerOptions

    @Option(name: .customLong("min-grade"), help: ArgumentHelp("A label grading below this (A, B, C or D) fails; implies --grade.", valueName: "LETTER"))
    var minGrade: String?

    @Flag(help: "Print one JSON object per image per line: file, status, expected, read, symbology, grade, reason, batch, recorded, ms, error.")
    var json = false

    @Option(help: ArgumentHelp("Process the images dropped into this folder, moving each to done/ or failed/ beside them.", valueName: "DIR"))
    var watch: String?

    @Option(name: .customLong("idle-exit-ms"), help: ArgumentHelp("With --watch, stop after this long without a new image (default: run until stopped).", valueName: "N"))
    var idleExitMilliseconds: Int?

    @Option(help: ArgumentHelp("Read concatenated JPEG or PNM frames from standard input ('-').", valueName: "-"))
    var stream: String?

    @Option(help: ArgumentHelp("Symbologies to look for, repeatable or comma-separated (as for decode).", valueName: "S"))
    var symbology: [String] = []

    @Option(name: .customLong("budget-ms"), help: ArgumentHelp("Milliseconds an image may take for further attempts when the first pass finds nothing.", valueName: "N"))
    var budgetMilliseconds = Int(BarcodeDecoder.Options.defaultTimeBudget / .milliseconds(1))

    @Flag(help: "EAN-2/EAN-5 add-ons, as for decode.")
    var addOns: AddOnChoice?

    @Option(name: .customLong("expect-add-on"), help: AddOnChoice.expectHelp)
    var expectAddOn: Int?

    func validate() throws {
        let modes = [!images.isEmpty, watch != nil, stream != nil].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give images, --watch DIR or --stream -, exactly one of them") }
        if let stream, stream != "-" { throw ValidationError("--stream reads standard input only: write --stream -") }
        if batch != nil, !expect.isEmpty || expectFile != nil {
            throw ValidationError("--batch expects the batch's codes: give it without --expect and --expect-file")
        }
        if batch == nil, let given = ledger.givenOptions.first {
            throw ValidationError("\(given) names where verdicts are recorded, which only --batch does: add --batch N or leave \(given) out")
        }
        if let minGrade, QualityGrade.minimum(letter: minGrade) == nil {
            throw ValidationError("--min-grade \(minGrade): give A, B, C or D")
        }
        guard budgetMilliseconds >= 0 else { throw ValidationError("--budget-ms must be 0 or more, not \(budgetMilliseconds)") }
        _ = try symbologies()
        _ = try AddOnChoice.mode(addOns, expected: expectAddOn)
    }

    func run() async throws {
        var verifier = Verifier(
            options: BarcodeDecoder.Options(
                symbologies: try symbologies(), eanAddOns: try AddOnChoice.mode(addOns, expected: expectAddOn), timeBudget: .milliseconds(budgetMilliseconds)
            ),
            expected: try expectedCodes(), grading: grade || minGrade != nil ? Self.grading : nil,
            minimumGrade: minGrade.flatMap(QualityGrade.minimum(letter:))
        )
        if let batch {
            let register = try await openRegister(batch: batch)
            try await verifyAll(file: { await verifier.verify(file: $0, against: register) },
                                image: { await verifier.verify($0, name: $1, against: register) })
        } else {
            try await verifyAll(file: { verifier.verify(file: $0) }, image: { verifier.verify($0, name: $1) })
        }
    }

    /// Runs the chosen source (images, --watch or --stream) through `file` and `image`, and
    /// writes each verdict once it returns.
    private func verifyAll(file: (String) async -> VerificationResult, image: (GrayImage, String) async -> VerificationResult) async throws {
        if let watch {
            try await FolderWatch(folder: watch, idleExit: idleExitMilliseconds.map { .milliseconds($0) }).run { path in
                let result = await file(path)
                emit(result)
                return result.status == .pass
            }
        } else if stream != nil {
            await FrameStream(input: .standardInput).run { frame, name in
                switch frame {
                case let .success(frame): emit(await image(frame, name))
                case let .failure(error): emit(VerificationResult(file: name, status: .error, ms: 0, error: error.description))
                }
            }
        } else {
            var failed = false
            for path in images {
                let result = await file(path)
                emit(result)
                failed = failed || result.status != .pass
            }
            if failed { throw ExitCode(1) }
        }
    }

    /// The ledger's batch as the register, refusing a missing database (rather than creating
    /// an empty one) and a closed batch, whose labels can no longer be recorded.
    private func openRegister(batch: Int64) async throws -> LedgerLabelRegister {
        guard LedgerLocation.isDatabaseURL(ledger.path) || FileManager.default.fileExists(atPath: ledger.path) else {
            throw ValidationError("--db \(ledger.path): no ledger there; give the station's database")
        }
        let store = try await ledger.open()
        guard try await store.batch(batch).state == .open else { throw LedgerError("batch \(batch)", .batchClosed) }
        return LedgerLabelRegister(ledger: store, batch: batch)
    }

    /// Writes the result's line straight to standard output, so a pipe sees each image as it
    /// is done rather than when a buffer fills.
    private func emit(_ result: VerificationResult) {
        FileHandle.standardOutput.write(Data((line(for: result) + "\n").utf8))
    }

    private func line(for result: VerificationResult) -> String {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(result)) ?? Data(), as: UTF8.self)
        } else {
            var line = "\(result.file): \(result.status.rawValue)"
            if let read = result.read { line += " \(read)" }
            let details = [result.reason?.rawValue, result.batch.map { "batch \($0)" }, result.recorded.map { "recorded " + $0.joined(separator: ", ") }]
                .compactMap { $0 }
            if !details.isEmpty { line += " [" + details.joined(separator: "; ") + "]" }
            if let grade = result.grade { line += " (grade \(grade.letter) \(grade.overall), \(grade.note))" }
            if let error = result.error { line += " — \(error)" }
            return line
        }
    }

    private func expectedCodes() throws -> [String] {
        guard let expectFile else { return expect }
        guard let data = FileManager.default.contents(atPath: expectFile) else {
            throw ValidationError("cannot read --expect-file \(expectFile)")
        }
        return expect + String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }

    private func symbologies() throws -> Set<BarcodeSymbology> {
        let names = symbology.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { return BarcodeSymbology.common }
        return Set(try names.map { name in
            guard let value = BarcodeSymbology(name: name) else { throw ValidationError("unknown symbology '\(name)'") }
            return value
        })
    }

    /// The ideal QR grid of a read symbol, encoded again by the station's own encoder at the
    /// symbol's level. Labels the station printed match it module for module; another
    /// encoder's symbol may differ in size or mask, and is then graded without it.
    static let grading = Verifier.Grading { symbol in
        guard symbol.symbology == .qr, let level = symbol.errorCorrectionLevel.flatMap(QRErrorCorrection.init(rawValue:)),
              let matrix = try? QRCode.matrix(for: symbol.bytes, options: QROptions(errorCorrection: level), gs1: symbol.isGS1) else { return nil }
        return QRReferenceGrid(size: matrix.size, modules: matrix.modules)
    }
}

/// `LedgerOptions` for a command whose ledger is optional: the same flags, with no defaults, so
/// that a ledger flag given without the option that uses it is an error rather than ignored.
struct BatchLedgerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The ledger: a SQLite file (default: \(SQLiteLedger.defaultPath)) or a postgres://user@host:port/database URL (password from $\(LedgerLocation.passwordVariable) when the URL has none).",
                               valueName: "path-or-url"))
    var db: String?

    @Option(help: "Station id written into each event (default: $TRACESTATION_STATION_ID or the host name).")
    var station: String?

    @Option(help: ArgumentHelp("Seconds to wait for another process's lock before failing (default: 5).", valueName: "seconds"))
    var busyTimeout: Double?

    /// The flags given, as typed.
    var givenOptions: [String] {
        [db.map { _ in "--db" }, station.map { _ in "--station" }, busyTimeout.map { _ in "--busy-timeout" }].compactMap { $0 }
    }

    var path: String { db ?? SQLiteLedger.defaultPath }

    func open() async throws -> any LedgerStore {
        try await LedgerOptions.open(db: path, station: station, busyTimeout: busyTimeout ?? LedgerOptions.defaultBusyTimeout)
    }
}
