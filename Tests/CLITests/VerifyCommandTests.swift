import Foundation
import Testing

@Suite("tracestation verify")
struct VerifyCommandTests {
    @Test("images get one JSON line each: pass, duplicate, wrong and error, and the exit status is 1")
    func files() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, data) in [("a", "TS-0001"), ("b", "TS-0002")] {
            #expect(try CommandRunner.run("encode", "--symbology", "qr", "--data", data, "--out", "\(folder)/\(name).png").status == 0)
        }
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: "\(folder)/bad.png"))
        let result = try CommandRunner.run("verify", "--json", "--expect", "TS-0001", "--grade", "\(folder)/a.png", "\(folder)/a.png", "\(folder)/b.png", "\(folder)/bad.png")
        let statuses = try result.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }.map { $0["status"] as! String }
        #expect(statuses == ["pass", "duplicate", "wrong", "error"])
        #expect(result.lines[0].contains("\"letter\":\"A\""))
        #expect(result.status == 1)
    }

    @Test("a watched folder's images are verified once and moved to done or failed")
    func watch() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try CommandRunner.run("encode", "--symbology", "qr", "--data", "TS-0001", "--out", "\(folder)/good.png")
        try Data().write(to: URL(fileURLWithPath: "\(folder)/empty.png"))
        let result = try CommandRunner.run("verify", "--watch", folder, "--idle-exit-ms", "600", "--json", "--expect", "TS-0001")
        #expect(result.lines.count == 2)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/done/good.png"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/failed/empty.png"))
    }
}
