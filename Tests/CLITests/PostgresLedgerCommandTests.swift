import Foundation
import PostgresTestSupport
import Testing

/// The ledger commands and `serve` on the private PostgreSQL test server, with `--db` and
/// `ledger.url` naming a database rather than a file.
@Suite("ledger commands on PostgreSQL")
struct PostgresLedgerCommandTests {
    static let gtin = "06901234567892"

    @Test("batch create, issue, record and reconcile, then audit verify, work with --db postgres://")
    func batchOnPostgres() throws {
        let database = try TestDatabase()
        let db = database.url
        let create = try CommandRunner.run("batch", "create", "--gtin", Self.gtin, "--lot", "PG1", "--quantity", "10", "--db", db)
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.lines == ["1"])

        let issue = try CommandRunner.run("batch", "issue", "1", "--count", "4", "--block", "3", "--db", db)
        #expect(issue.status == 0, "\(issue.stderr)")
        #expect(issue.lines.count == 4)

        let folder = try CommandRunner.temporaryFolder()
        let codes = folder + "/codes.txt"
        try Data((issue.lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: codes))
        #expect(try CommandRunner.run("batch", "record", "1", "--event", "printed", "--codes", codes, "--db", db).status == 0)

        // The password may come from the environment instead of the URL.
        let reconcile = try CommandRunner.run(["batch", "reconcile", "1", "--json", "--db", database.urlWithoutPassword],
                                              environment: ["TRACESTATION_LEDGER_PASSWORD": database.password])
        #expect(reconcile.status == 0, "\(reconcile.stderr)")
        #expect(reconcile.stdout.contains(#""issued":4"#) && reconcile.stdout.contains(#""printed_confirmed":4"#), "\(reconcile.stdout)")

        let verify = try CommandRunner.run("audit", "verify", "--db", db)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("Ledger intact"))
        #expect(try CommandRunner.run("batch", "list", "--db", db).lines.last?.hasSuffix("open") == true)
    }

    @Test("A refused login exits with the reason and without the password")
    func wrongPassword() throws {
        let database = try TestDatabase()
        let result = try CommandRunner.run(["batch", "list", "--db", database.urlWithoutPassword],
                                           environment: ["TRACESTATION_LEDGER_PASSWORD": "wrong-password-0815"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("refused the login"), "\(result.stderr)")
        #expect(!result.stderr.contains("wrong-password-0815"))
        let audit = try CommandRunner.run(["audit", "verify", "--db", database.urlWithoutPassword],
                                          environment: ["TRACESTATION_LEDGER_PASSWORD": "wrong-password-0815"])
        #expect(audit.status == 2, "\(audit.stderr)")
    }

    @Test("serve with ledger.url opens the PostgreSQL ledger and answers /health; with a wrong password it exits 1")
    func serveOnPostgres() async throws {
        let database = try TestDatabase()
        let folder = try CommandRunner.temporaryFolder()
        try Data("""
            station: { id: pg-serve-test, output: out }
            ledger: { url: "\(database.urlWithoutPassword)" }
            lines:
              - { id: line-1, printer: virtual }
            users:
              - { name: lead-wang, role: lead, token_env: TS_LEAD_TOKEN }
            """.utf8).write(to: URL(fileURLWithPath: folder + "/station.yaml"))

        let token = ["TS_LEAD_TOKEN": ServeCommandTests.token]
        let check = try CommandRunner.run(["config", "check", "--config", folder + "/station.yaml"], environment: token)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains(database.urlWithoutPassword.components(separatedBy: "?")[0]))
        #expect(check.stdout.contains("data/station.sqlite"))

        let station = try ServeCommandTests.Station(folder: folder, environment: ["TRACESTATION_LEDGER_PASSWORD": database.password])
        #expect(try await station.request("GET", "/health").status == 200)
        let created = try await station.request("POST", "/api/v1/batches", json: #"{"gtin":"06901234567892","lot":"PGSERVE","quantity":5}"#)
        #expect(created.status == 201)
        let stopped = station.stop(SIGTERM)
        #expect(stopped.status == 0, "\(stopped.log)")
        #expect(!stopped.log.contains(database.password))
        // The batch is in the database, where another command sees it.
        #expect(try CommandRunner.run("batch", "list", "--db", database.url).lines.last?.contains("PGSERVE") == true)

        let refused = try CommandRunner.run(["serve", "--config", folder + "/station.yaml", "--port", "0"],
                                            environment: token.merging(["TRACESTATION_LEDGER_PASSWORD": "wrong-password-0815"]) { $1 })
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refused the login"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("wrong-password-0815"))
    }
}

/// A fresh database on the PostgreSQL test server that `make test` starts
/// (scripts/postgres-test-server.sh), made with `psql`, for one test alone.
struct TestDatabase {
    let url: String
    let urlWithoutPassword: String
    let password: String

    init() throws {
        let server = try PostgresTestServer.url()
        guard let components = URLComponents(string: server), let password = components.password else {
            throw Failure("the test server's URL has no password: \(server)")
        }
        let name = "cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", server, "-q", "-c", "CREATE DATABASE \(name)"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure("psql could not create database \(name)") }
        var fresh = components
        fresh.path = "/" + name
        url = fresh.string ?? server
        fresh.password = nil
        urlWithoutPassword = fresh.string ?? server
        self.password = password
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
