import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `tracestation serve` as an operator runs it: a real process, real HTTP, signals.
@Suite("tracestation serve", .serialized)
struct ServeCommandTests {
    static let token = "lead-token-serve-000001"

    /// A station process with its configuration in `folder`, and the port it serves on.
    final class Station: @unchecked Sendable {
        let process = Process()
        let port: Int
        private let errors = Pipe()

        init(folder: String, arguments: [String] = [], environment extra: [String: String] = [:]) throws {
            process.executableURL = CommandRunner.executable
            process.arguments = ["serve", "--config", "\(folder)/station.yaml", "--port", "0", "--log-level", "notice"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            var environment = ProcessInfo.processInfo.environment
            environment["TS_LEAD_TOKEN"] = ServeCommandTests.token
            environment["TRACESTATION_SIGNING_KEY"] = String(repeating: "ab", count: 32)
            process.environment = environment.merging(extra) { $1 }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // The first line names the port; read byte by byte, as the process goes on writing.
            var line = Data()
            while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
                line.append(first)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let range = text.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
                  let port = Int(text[range].split(separator: ":")[1]) else {
                process.terminate()
                throw ServeFailure("the station did not say where it serves: \(text)")
            }
            self.port = port
        }

        func request(_ method: String, _ path: String, json: String? = nil) async throws -> (status: Int, body: [String: Any]) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.setValue("Bearer \(ServeCommandTests.token)", forHTTPHeaderField: "Authorization")
            if let json {
                request.httpBody = Data(json.utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
        }

        /// A route's body as text, such as `/metrics`.
        func text(_ path: String) async throws -> String {
            let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            return String(decoding: data, as: UTF8.self)
        }

        /// Polls line-1 until `condition` holds.
        func waitForLine(_ condition: ([String: Any]) -> Bool) async throws -> [String: Any] {
            for _ in 0..<1200 {
                let line = try await request("GET", "/api/v1/lines/line-1").body
                if condition(line) { return line }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw ServeFailure("line-1 never reached the state waited for")
        }

        /// Sends `signal` and returns the exit status and what the station logged.
        func stop(_ signal: Int32) -> (status: Int32, log: String) {
            kill(process.processIdentifier, signal)
            let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, log)
        }
    }

    struct ServeFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func stationFolder() throws -> String {
        let folder = try CommandRunner.temporaryFolder()
        try Data("""
            station: { id: serve-test, output: out }
            ledger: { path: data/station.sqlite }
            http: { port: 8080 }
            lines:
              - { id: line-1, printer: virtual, labels_in_printer: 8 }
            users:
              - { name: lead-wang, role: lead, token_env: TS_LEAD_TOKEN }
            """.utf8).write(to: URL(fileURLWithPath: folder + "/station.yaml"))
        return folder
    }

    @Test("SIGTERM finishes the labels in the printer and exits 0; the next start prints exactly what is owed")
    func sigtermThenResume() async throws {
        let folder = try Self.stationFolder()
        let first = try Station(folder: folder)
        let created = try await first.request("POST", "/api/v1/batches", json: #"{"gtin":"06901234567892","lot":"SERVE-1","quantity":150}"#)
        #expect(created.status == 201)
        let started = try await first.request("POST", "/api/v1/lines/line-1/start", json: #"{"batch":1,"count":150}"#)
        #expect(started.status == 202)
        _ = try await first.waitForLine { ($0["good"] as? Int ?? 0) >= 10 }
        let stopped = first.stop(SIGTERM)
        #expect(stopped.status == 0, "\(stopped.log)")
        #expect(stopped.log.contains("line stopped"))
        let interim = try CrashRecoveryTests.reconciliation(folder + "/data/station.sqlite")
        // Nothing in doubt after a graceful stop: every label sent was printed and verified.
        #expect(interim["sent"] == 0 && interim["printed_confirmed"] == 0 && interim["unconfirmed"] == 0, "\(interim)")
        #expect((interim["verified_pass"] ?? 0) < 150)

        let second = try Station(folder: folder)
        let done = try await second.waitForLine { $0["state"] as? String == "idle" && $0["run"] as? Int == 1 && $0["good"] as? Int != 0 }
        #expect(done["good"] as? Int == 150 - (interim["verified_pass"] ?? 0))
        // The metrics follow the line: its labels, and how long each took from printer to verdict.
        let metrics = try await second.text("/metrics")
        #expect(metrics.contains(#"tracestation_labels_verified_total{line="line-1",result="pass"} \#(150 - (interim["verified_pass"] ?? 0))"#))
        #expect(metrics.contains(#"tracestation_label_latency_seconds_count{line="line-1",result="pass"} \#(150 - (interim["verified_pass"] ?? 0))"#),
                "\(metrics)")
        #expect(second.stop(SIGTERM).status == 0)
        let final = try CrashRecoveryTests.reconciliation(folder + "/data/station.sqlite")
        // `balanced` is a JSON true, read here as 1; the codes issued before the stop were printed after it.
        #expect(final["verified_pass"] == 150 && final["balanced"] == 1 && final["unused"] == 0, "\(final)")
    }

    @Test("After SIGKILL the next start flags the labels left in doubt and prints the rest; no code is printed twice")
    func sigkillThenResume() async throws {
        let folder = try Self.stationFolder()
        let first = try Station(folder: folder)
        _ = try await first.request("POST", "/api/v1/batches", json: #"{"gtin":"06901234567892","lot":"SERVE-2","quantity":120}"#)
        _ = try await first.request("POST", "/api/v1/lines/line-1/start", json: #"{"batch":1,"count":120}"#)
        _ = try await first.waitForLine { ($0["good"] as? Int ?? 0) >= 10 }
        _ = first.stop(SIGKILL)

        let second = try Station(folder: folder)
        _ = try await second.waitForLine { $0["state"] as? String == "idle" && $0["run"] as? Int == 1 && $0["good"] as? Int != 0 }
        #expect(second.stop(SIGTERM).status == 0)
        let counts = try CrashRecoveryTests.reconciliation(folder + "/data/station.sqlite")
        // Every code is accounted for: good, flagged for the lead, or printed with its verdict
        // lost in the kill (the lead verifies or voids those); none is sent with no outcome.
        let good = counts["verified_pass"] ?? 0, flagged = counts["unconfirmed"] ?? 0, unjudged = counts["printed_confirmed"] ?? 0
        #expect(counts["sent"] == 0 && counts["unused"] == 0, "\(counts)")
        #expect(good + flagged + unjudged == 120, "\(counts)")
        #expect(counts["issued"] == good + flagged + unjudged + (counts["voided"] ?? 0), "\(counts)")
        #expect(flagged + unjudged <= 16, "only labels in the printer or awaiting their verdict are in doubt: \(counts)")
    }

    @Test("serve --plant answers /api/v1/plant with the lines another station publishes, and starts no line of its own")
    func plantView() async throws {
        let folder = try Self.stationFolder()
        let station = try Station(folder: folder)
        let view = try Station(folder: folder, arguments: ["--plant"])
        var line: [String: Any]?
        for _ in 0..<600 where line == nil {
            let plant = try await view.request("GET", "/api/v1/plant")
            #expect(plant.status == 200)
            let stations = plant.body["stations"] as? [[String: Any]] ?? []
            line = stations.first { $0["station"] as? String == "serve-test" }.flatMap { ($0["lines"] as? [[String: Any]])?.first }
            if line == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let published = try #require(line, "the station's line reached the plant view")
        #expect(published["line"] as? String == "line-1" && published["reporting"] as? Bool == true)
        #expect(try await view.request("GET", "/api/v1/lines/line-1").status == 404)
        #expect(try await view.request("GET", "/health").status == 200)
        #expect(!(try await view.text("/metrics")).contains(#"line="line-1""#), "no line is started")
        #expect(try await view.text("/dashboard/plant?lang=zh").contains("全厂看板"))
        let stoppedView = view.stop(SIGTERM)
        #expect(stoppedView.status == 0, "\(stoppedView.log)")
        #expect(!stoppedView.log.contains("line stopped"))
        #expect(station.stop(SIGTERM).status == 0)
    }

    @Test("A configuration with errors is refused before anything starts, naming the key")
    func badConfiguration() throws {
        let folder = try CommandRunner.temporaryFolder()
        try Data("lines:\n  - { id: line-1, labels_in_printer: 0 }\n".utf8).write(to: URL(fileURLWithPath: folder + "/station.yaml"))
        let result = try CommandRunner.run(["serve", "--config", folder + "/station.yaml", "--port", "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("labels_in_printer") && result.stderr.contains("cannot start"), "\(result.stderr)")
    }
}
