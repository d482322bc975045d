import Foundation
import Testing

/// `batch report` and `outbox` against `tracestation platform-sim` run as its own process on a
/// free loopback port, both as an operator would run them.
@Suite("Reporting commands", .serialized)
struct ReportCommandTests {
    /// `tracestation platform-sim` on a free port, stopped with SIGTERM.
    final class Receiver {
        let process = Process()
        let endpoint: String
        let store: String

        init(folder: String, arguments: [String] = []) throws {
            store = folder + "/receiver"
            process.executableURL = CommandRunner.executable
            process.arguments = ["platform-sim", "--port", "0", "--store", store, "--seed", "1"] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line names the endpoint once the port is bound.
            var line = Data()
            while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
                line += byte
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let url = text.split(separator: " ").first(where: { $0.hasPrefix("http://") }) else {
                process.terminate()
                throw ReceiverError(text)
            }
            endpoint = String(url)
        }

        /// Every code in every chunk the receiver stored, repeats included.
        func storedCodes() throws -> [String] {
            let text = try String(contentsOfFile: store + "/chunks.jsonl", encoding: .utf8)
            return try text.split(separator: "\n").flatMap { line -> [String] in
                (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["codes"] as? [String] ?? []
            }
        }

        /// Chunks stored so far: complete lines only, as the receiver may be writing one.
        func storedChunks() -> Int {
            (FileManager.default.contents(atPath: store + "/chunks.jsonl") ?? Data()).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    struct ReceiverError: Error, CustomStringConvertible {
        let description: String
        init(_ line: String) { description = "platform-sim did not report its endpoint: \(line)" }
    }

    /// Issues `count` codes in batch 1 and records them printed; returns them.
    static func print(_ count: Int, db: String, folder: String) throws -> [String] {
        let issued = try CommandRunner.run("batch", "issue", "1", "--count", String(count), "--db", db)
        let file = folder + "/codes-\(UUID().uuidString).txt"
        try Data(issued.stdout.utf8).write(to: URL(fileURLWithPath: file))
        let printed = try CommandRunner.run("batch", "record", "1", "--event", "printed", "--codes", file, "--db", db)
        #expect(printed.status == 0, "\(printed.stderr)")
        return issued.lines
    }

    static func outbox(_ db: String) throws -> [String: Any] {
        let status = try CommandRunner.run("outbox", "status", "--all", "--json", "--db", db)
        return try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test("SIGKILL during delivery, then the same command again: every code reaches the receiver exactly once")
    func killedDuringDelivery() throws {
        let folder = try CommandRunner.temporaryFolder()
        let db = folder + "/station.sqlite"
        let receiver = try Receiver(folder: folder, arguments: ["--latency-ms", "40", "--fail-rate", "0.2"])
        defer { receiver.stop() }
        _ = try CommandRunner.run("batch", "create", "--gtin", "06901234567892", "--lot", "KILL", "--quantity", "3000", "--db", db)
        var printed: [String] = []
        for round in 0..<3 {
            printed += try Self.print(800, db: db, folder: folder)
            // Killed once the receiver has stored a chunk of this round, then a little later:
            // mid-delivery, with chunks sent, answered or not, and others not yet sent.
            let storedBefore = receiver.storedChunks()
            let killed = Process()
            killed.executableURL = CommandRunner.executable
            killed.arguments = ["batch", "report", "1", "--to", receiver.endpoint, "--chunk-codes", "40", "--db", db]
            killed.standardOutput = FileHandle.nullDevice
            killed.standardError = FileHandle.nullDevice
            try killed.run()
            while killed.isRunning, receiver.storedChunks() == storedBefore { usleep(2_000) }
            usleep(UInt32.random(in: 0...150_000))
            kill(killed.processIdentifier, SIGKILL)
            killed.waitUntilExit()

            let resumed = try CommandRunner.run("batch", "report", "1", "--to", receiver.endpoint, "--chunk-codes", "40", "--db", db)
            #expect(resumed.status == 0, "round \(round): \(resumed.stdout)\(resumed.stderr)")
            let stored = try receiver.storedCodes()
            #expect(stored.count == printed.count, "round \(round): \(stored.count) codes stored for \(printed.count) printed")
            #expect(Set(stored) == Set(printed), "round \(round)")

            let reports = try #require(try Self.outbox(db)["reports"] as? [[String: Any]])
            #expect(reports.allSatisfy { ($0["pending"] as? Int, $0["dead"] as? Int) == (0, 0) }, "round \(round): \(reports)")
            let counts = try CrashRecoveryTests.reconciliation(db)
            #expect(counts["reported"] == printed.count && counts["acknowledged"] == printed.count, "round \(round): \(counts)")
            let audit = try CommandRunner.run("audit", "verify", "--db", db)
            #expect(audit.status == 0, "round \(round): \(audit.stdout)")
        }
    }

    @Test("A refused report is a dead letter with the receiver's reason; `outbox retry --dead` delivers it once the cause is fixed")
    func deadLetterFromTheCommandLine() throws {
        let folder = try CommandRunner.temporaryFolder()
        let db = folder + "/station.sqlite"
        let receiver = try Receiver(folder: folder, arguments: ["--token", "line-token", "--secret", "line-secret"])
        defer { receiver.stop() }
        _ = try CommandRunner.run("batch", "create", "--gtin", "06901234567892", "--lot", "DEAD", "--quantity", "100", "--db", db)
        let printed = try Self.print(30, db: db, folder: folder)

        let wrong = ["TRACESTATION_PLATFORM_TOKEN": "line-token", "TRACESTATION_PLATFORM_SECRET": "stale-secret"]
        let refused = try CommandRunner.run(["batch", "report", "1", "--to", receiver.endpoint, "--chunk-codes", "10", "--db", db], environment: wrong)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("3 chunks were refused by the platform") && refused.stderr.contains("outbox retry --dead"), "\(refused.stderr)")
        let status = try CommandRunner.run("outbox", "status", "--db", db)
        #expect(status.stdout.contains("dead letters"))
        #expect(status.stdout.contains("first code \(printed[0])") && status.stdout.contains("HTTP 401"), "\(status.stdout)")

        let right = ["TRACESTATION_PLATFORM_TOKEN": "line-token", "TRACESTATION_PLATFORM_SECRET": "line-secret"]
        let retried = try CommandRunner.run(["outbox", "retry", "--dead", "--db", db], environment: right)
        #expect(retried.status == 0, "\(retried.stdout)\(retried.stderr)")
        #expect(retried.stdout.contains("requeued 3 dead letters"))
        #expect(try receiver.storedCodes().sorted() == printed.sorted())
        let again = try CommandRunner.run(["batch", "report", "1", "--to", receiver.endpoint, "--db", db], environment: right)
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing new to report"))
    }

    @Test("Without credentials, a report to a non-loopback endpoint is refused before anything is sent")
    func missingCredentials() throws {
        let folder = try CommandRunner.temporaryFolder()
        let db = folder + "/station.sqlite"
        _ = try CommandRunner.run("batch", "create", "--gtin", "06901234567892", "--lot", "ENV", "--quantity", "10", "--db", db)
        _ = try Self.print(2, db: db, folder: folder)
        let result = try CommandRunner.run(["batch", "report", "1", "--to", "https://platform.example/reports", "--db", db],
                                  environment: ["TRACESTATION_PLATFORM_TOKEN": "", "TRACESTATION_PLATFORM_SECRET": ""])
        #expect(result.status != 0)
        #expect(result.stderr.contains("TRACESTATION_PLATFORM_TOKEN is not set"), "\(result.stderr)")
        #expect((try Self.outbox(db)["reports"] as? [Any])?.isEmpty == true)
    }
}
