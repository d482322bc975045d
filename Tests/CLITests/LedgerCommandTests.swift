import Foundation
import Testing

@Suite("batch and audit commands")
struct LedgerCommandTests {
    static let gtin = "06901234567892"

    @Test("create, issue, record, reconcile, close and verify drive one batch end to end")
    func endToEnd() throws {
        let folder = try CommandRunner.temporaryFolder()
        let db = folder + "/station.sqlite"
        let create = try CommandRunner.run("batch", "create", "--gtin", Self.gtin, "--lot", "B1", "--quantity", "10", "--date", "250301", "--db", db)
        #expect(create.status == 0)
        #expect(create.lines == ["1"])

        let issue = try CommandRunner.run("batch", "issue", "1", "--count", "4", "--block", "3", "--db", db)
        #expect(issue.status == 0)
        #expect(issue.lines.count == 4)
        #expect(issue.lines.allSatisfy { $0.hasPrefix("https://id.gs1.org/01/06901234567892/10/B1/21/") })

        let codes = folder + "/codes.txt"
        try Data((issue.lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: codes))
        #expect(try CommandRunner.run("batch", "record", "1", "--event", "printed", "--codes", codes, "--db", db).status == 0)
        #expect(try CommandRunner.run("batch", "record", "1", "--event", "verified-pass", "--codes", codes, "--db", db).status == 0)

        let reconcile = try CommandRunner.run("batch", "reconcile", "1", "--json", "--csv", folder + "/r.csv", "--html", folder + "/r.html", "--db", db)
        #expect(reconcile.status == 0)
        #expect(reconcile.stdout.contains(#""issued":4"#) && reconcile.stdout.contains(#""balanced":true"#))
        #expect(FileManager.default.fileExists(atPath: folder + "/r.html"))

        let key = folder + "/station.key"
        #expect(try CommandRunner.run("audit", "keygen", "--out", key).lines.first?.count == 64)
        let close = try CommandRunner.run("batch", "close", "1", "--signing-key", key, "--db", db)
        #expect(close.status == 0, "\(close.stderr)")
        let verify = try CommandRunner.run("audit", "verify", "--db", db)
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("Ledger intact"))
        #expect(try CommandRunner.run("batch", "list", "--db", db).lines.last?.hasSuffix("closed") == true)
    }

    @Test("Refusals exit 1 with a reason: over-issue, illegal steps, closing without a key")
    func refusals() throws {
        let folder = try CommandRunner.temporaryFolder()
        let db = folder + "/station.sqlite"
        _ = try CommandRunner.run("batch", "create", "--gtin", Self.gtin, "--lot", "B1", "--quantity", "20", "--db", db)
        let over = try CommandRunner.run("batch", "issue", "1", "--count", "22", "--db", db)
        #expect(over.status == 1)
        #expect(over.stdout.isEmpty)
        #expect(over.stderr.contains("limit of 21"))

        let codes = folder + "/codes.txt"
        let issued = try CommandRunner.run("batch", "issue", "1", "--count", "2", "--db", db).lines
        try Data((issued + ["https://id.gs1.org/01/06901234567892/10/B1/21/FORGED000000"]).joined(separator: "\n").utf8)
            .write(to: URL(fileURLWithPath: codes))
        let record = try CommandRunner.run("batch", "record", "1", "--event", "verified-pass", "--codes", codes, "--db", db)
        #expect(record.status == 1)
        #expect(record.stderr.contains("nothing recorded"))
        #expect(record.stderr.contains("FORGED000000: this code was never issued"))

        let close = try CommandRunner.run("batch", "close", "1", "--db", db)
        #expect(close.status == 1)
        #expect(close.stderr.contains("no signing key"))
    }

    @Test("audit verify exits 1 naming the first broken event after an edit outside the station")
    func tamperedLedger() throws {
        let folder = try CommandRunner.temporaryFolder()
        let db = folder + "/station.sqlite"
        _ = try CommandRunner.run("batch", "create", "--gtin", Self.gtin, "--lot", "B1", "--quantity", "20", "--db", db)
        _ = try CommandRunner.run("batch", "issue", "1", "--count", "5", "--db", db)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [db, "DROP TRIGGER events_are_append_only_update; UPDATE events SET time = time + 1 WHERE seq = 3;"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let verify = try CommandRunner.run("audit", "verify", "--db", db)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("event 3: its contents do not match its hash"))
    }

    @Test("A file that is not a database: a clear error, and no code printed")
    func corruptDatabase() throws {
        let folder = try CommandRunner.temporaryFolder()
        let db = folder + "/station.sqlite"
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: db))
        let issue = try CommandRunner.run("batch", "issue", "1", "--count", "3", "--db", db)
        #expect(issue.status == 1)
        #expect(issue.stdout.isEmpty)
        #expect(issue.stderr.contains("not a TraceStation database"))
        #expect(try CommandRunner.run("audit", "verify", "--db", db).status == 2)
    }
}
