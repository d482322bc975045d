import Foundation
import Testing

@Suite("tracestation config check")
struct ConfigCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func write(_ text: String, in folder: String) throws -> String {
        let file = folder + "/station.yaml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    @Test("The example file is valid: the resolved settings are printed and the exit status is 0")
    func exampleFile() throws {
        let result = try CommandRunner.run("config", "check", "--config", Self.root + "/config/station.yaml")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.lines.first == Self.root + "/config/station.yaml: valid")
        #expect(result.lines.contains("station    station-1"))
        #expect(result.lines.contains("http port  8080"))
        #expect(result.lines.contains("lines (1)"))
        #expect(result.lines.contains("  line-1"))
        #expect(result.lines.contains("    device         virtual-203"))
        #expect(result.lines.contains("    template       product-60x40"))
        #expect(result.lines.contains("users: none; the API is closed except /health"))
    }

    @Test("Every error is printed with its file, line and key, and the exit status is 1")
    func everyError() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try Self.write("""
            station: { id: WX-01 }
            lines:
              - id: line-1
                printer: { host: 10.0.0.21, port: 70000 }
                device: zebra-zt999
                verification: none
            users:
              - { name: lead-wang, role: lead, token_env: TRACESTATION_TOKEN_LEAD_UNSET }
            """, in: folder)
        let result = try CommandRunner.run("config", "check", "--config", file)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 4, "\(result.stderr)")
        #expect(errors[0] == "error: \(file):4 lines[0].printer.port: 70000 is out of range; use a whole number from 1 to 65535")
        #expect(errors[1].hasPrefix("error: \(file):5 lines[0].device: no printer profile 'zebra-zt999' in Devices/; available: virtual-203"))
        #expect(errors[2].hasPrefix("error: \(file):8 users[0].token_env: the environment variable TRACESTATION_TOKEN_LEAD_UNSET is not set"))
        #expect(errors[3] == "\(file): 3 errors; the station would not start")
    }

    @Test("Tokens are masked; environment overrides are applied and named")
    func tokensAndOverrides() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try Self.write("""
            station: { id: WX-01 }
            lines: [ { id: line-1 } ]
            users:
              - { name: lead-wang, role: lead, token_env: TRACESTATION_TOKEN_LEAD }
              - { name: op-li, role: operator, token: "written-in-the-file-0123" }
            """, in: folder)
        let result = try CommandRunner.run(["config", "check", "--config", file], environment: [
            "TRACESTATION_TOKEN_LEAD": "secret-lead-token-abcdef", "TRACESTATION_HTTP_PORT": "9090", "TRACESTATION_STATION_ID": "WX-09",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("secret-lead-token") && !result.stdout.contains("written-in-the-file"))
        #expect(result.lines.contains("station    WX-09   (from TRACESTATION_STATION_ID)"))
        #expect(result.lines.contains("http port  9090   (from TRACESTATION_HTTP_PORT)"))
        #expect(result.lines.contains("  lead-wang  lead      token ******** (24 characters, from TRACESTATION_TOKEN_LEAD)"))
        #expect(result.lines.contains("  op-li      operator  token ******** (24 characters, written in the file)"))
        #expect(result.stderr == "warning: \(file):5 users[1].token: the token is written in the file; prefer token_env naming an environment variable that holds it\n")
    }

    @Test("A bad override fails the check naming the variable")
    func badOverride() throws {
        let result = try CommandRunner.run(["config", "check", "--config", Self.root + "/config/station.yaml"],
                                           environment: ["TRACESTATION_HTTP_PORT": "eighty"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "error: environment TRACESTATION_HTTP_PORT (http.port): 'eighty' is not a port; use a whole number from 1 to 65535"))
    }

    @Test("A file that does not exist is an error; without --config and config/station.yaml the embedded defaults are shown")
    func defaults() throws {
        let missing = try CommandRunner.run("config", "check", "--config", "/no/such/station.yaml")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: /no/such/station.yaml: cannot be read: no such file"))

        // Run in an empty folder, as a newcomer would before writing a configuration.
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["config", "check"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("no config/station.yaml: the embedded defaults: valid\n"))
        #expect(text.contains("    verification   the virtual printer's renders\n"))
    }
}
