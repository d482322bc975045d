import Foundation
import Testing

@Suite("printer-sim, printer status and print", .serialized)
struct PrintCommandTests {
    /// Runs `printer-sim` on a free port it picks and names until the test ends: a port
    /// chosen here could be taken by another program by the time the simulator binds it.
    static func withSimulator(_ body: (Int) throws -> Void) throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["printer-sim", "--port", "0", "--control-offset", "0"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        // "printer on 127.0.0.1:PORT", written once the printer listens.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        let port = try #require(text.split(separator: "\n").first?.split(separator: ":").last.flatMap { Int($0) }, "printer-sim said: \(text)")
        try body(port)
    }

    @Test("print sends fresh labels, confirms each and summarises; printer status shows the odometer")
    func printAndStatus() throws {
        try Self.withSimulator { port in
            let printed = try CommandRunner.run("print", "--device", "zebra-zd421-203", "--template", "product-60x40",
                                                "--count", "4", "--printer", "127.0.0.1:\(port)")
            #expect(printed.status == 0, "\(printed.stderr)")
            #expect(printed.stdout.contains("4 confirmed, 0 unconfirmed, 0 failed"))
            let status = try CommandRunner.run("printer", "status", "--host", "127.0.0.1", "--port", String(port), "--json")
            #expect(status.status == 0)
            #expect(status.stdout.contains("\"odometer\":4") && status.stdout.contains("\"ready\":true"))
        }
    }

    @Test("print fails every label, and exits 1, when no printer answers")
    func noPrinter() throws {
        let result = try CommandRunner.run("print", "--device", "zebra-zd421-203", "--template", "product-60x40",
                                           "--count", "2", "--printer", "127.0.0.1:1")
        #expect(result.status == 1)
        #expect(result.stdout.contains("0 confirmed, 0 unconfirmed, 2 failed"))
    }

    @Test("printer status exits 2 when the printer cannot be reached")
    func statusUnreachable() throws {
        let result = try CommandRunner.run("printer", "status", "--host", "127.0.0.1", "--port", "1")
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot connect"))
    }
}
