import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Reporting
import Testing

@Suite("platform-sim", .serialized)
struct PlatformSimCommandTests {
    static let token = "cli-token"
    static let secret = "cli-secret"

    /// A one-code chunk as a station would send it.
    static let chunk = #"""
        {"batch":{"id":1,"lot":"L1","production_date":"2026-03-01","quantity":1},
         "codes":[{"code":"https://id.gs1.org/01/06901234567892/21/CLI1","line":"line-1","payload":"(01)06901234567892(21)CLI1",
                   "printed_at":"2026-03-01T08:30:00+08:00","scheme":"GS1","verification":"pass"}],
         "producer":{"address":"福州","ccc_certificates":[],"name":"示例","production_licences":[],"uscc":"91350100M00010001T"},
         "product":{"code_scheme":"GS1","gtin":"06901234567892","name":"电热水壶"},
         "report":{"chunk":1,"chunks":1,"created_at":"2026-03-01T09:00:00+08:00","id":"cli/1"},
         "schema":"tracestation.report/1","shipments":[],"voids":[]}
        """#

    @Test("platform-sim prints its endpoint, takes a signed chunk, answers /stats and exits 0 on SIGTERM")
    func serveAndStop() async throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["platform-sim", "--port", "0", "--store", try CommandRunner.temporaryFolder(), "--seed", "1"]
        var environment = ProcessInfo.processInfo.environment
        environment["TRACESTATION_PLATFORM_TOKEN"] = Self.token
        environment["TRACESTATION_PLATFORM_SECRET"] = Self.secret
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        defer {
            if process.isRunning {
                process.interrupt()
                process.waitUntilExit()
            }
        }
        let line = Self.firstLine(of: output.fileHandleForReading)
        let endpoint = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") })
        let url = try #require(URL(string: String(endpoint)))

        let body = Array(Self.chunk.utf8)
        let key = RequestSigning.idempotencyKey(body: body)
        let timestamp = Int64(Date().timeIntervalSince1970 * 1000)
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(Self.token)", forHTTPHeaderField: "Authorization")
        request.setValue(key, forHTTPHeaderField: RequestSigning.idempotencyHeader)
        request.setValue(String(timestamp), forHTTPHeaderField: RequestSigning.timestampHeader)
        request.setValue(RequestSigning.signature(secret: Array(Self.secret.utf8), method: "POST", path: url.path,
                                                  timestampMilliseconds: timestamp, idempotencyKey: key, body: body),
                         forHTTPHeaderField: RequestSigning.signatureHeader)
        let (answer, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(String(decoding: answer, as: UTF8.self))")

        let statsURL = try #require(URL(string: "/stats", relativeTo: url))
        let (stats, _) = try await URLSession.shared.data(from: statsURL)
        let object = try #require(try JSONSerialization.jsonObject(with: stats) as? [String: Int])
        #expect(object["codes"] == 1 && object["chunks"] == 1 && object["duplicates"] == 0)

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let warnings = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!warnings.contains("demo"))
    }

    @Test("platform-sim warns on stderr when it falls back to the demo token and secret")
    func demoDefaultsWarn() throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["platform-sim", "--port", "0", "--store", try CommandRunner.temporaryFolder()]
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRACESTATION_PLATFORM_") }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        #expect(Self.firstLine(of: output.fileHandleForReading).hasPrefix("platform-sim on http://127.0.0.1:"))
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let warnings = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(warnings.contains("warning: using the demo token and secret"))
    }

    @Test("platform-sim refuses a fail rate outside 0 to 1, naming it")
    func badRate() throws {
        let result = try CommandRunner.run("platform-sim", "--port", "0", "--store", try CommandRunner.temporaryFolder(), "--fail-rate", "1.5")
        #expect(result.status != 0)
        #expect(result.stderr.contains("fail rate 1.5"))
    }

    /// The first line the command prints, read as it comes.
    static func firstLine(of handle: FileHandle) -> String {
        var bytes = Data()
        while !bytes.contains(UInt8(ascii: "\n")) {
            let more = handle.availableData
            if more.isEmpty { break }
            bytes.append(more)
        }
        return String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    }
}
