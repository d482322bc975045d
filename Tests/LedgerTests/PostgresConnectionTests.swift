import Foundation
import PostgresNIO
import PostgresTestSupport
import Testing
@testable import Ledger

/// Reaching the PostgreSQL server: each way it can fail is reported when the ledger opens, as
/// `.cannotOpen` with the reason and never the password, rather than hanging in the pool's retries.
@Suite("PostgreSQL connection faults")
struct PostgresConnectionTests {
    @Test("A wrong password is refused at once, and the error names the login but not the password")
    func wrongPassword() async throws {
        var configuration = try await PostgresTestServer.freshDatabase()
        configuration.password = "not-the-password-4711"
        let error = try await openingError(configuration)
        #expect(error.subject == "database \(configuration.displayURL)")
        #expect(error.description.contains("refused the login"))
        #expect(!error.description.contains("not-the-password-4711"))
    }

    @Test("An unknown database is refused, naming it")
    func unknownDatabase() async throws {
        var configuration = try PostgresLedger.Configuration(url: PostgresTestServer.url())
        configuration.database = "no_such_ledger_\(UInt32.random(in: 0...UInt32.max))"
        let error = try await openingError(configuration)
        #expect(error.description.contains("no such database"))
        #expect(error.description.contains(configuration.database))
    }

    @Test("A port where nothing listens fails with cannot reach the server, not a hang")
    func nothingListening() async throws {
        var configuration = try PostgresLedger.Configuration(url: PostgresTestServer.url())
        configuration.port = try await Self.freeLoopbackPort()
        let error = try await openingError(configuration)
        #expect(error.description.contains("cannot reach the PostgreSQL server"))
        #expect(!error.description.contains(configuration.password ?? "-"))
    }

    @Test("With sslmode=require and the server's CA as sslrootcert the ledger works over TLS")
    func tlsWithTheServersCA() async throws {
        var configuration = try await PostgresTestServer.freshDatabase()
        configuration.tls = .require
        configuration.trustRootsFile = try PostgresTestServer.caFile()
        let ledger = try await PostgresLedger(configuration: configuration, station: "line-1")
        let batch = try await ledger.createBatch(BatchSpec(gtin: TestLedger.gtin, lot: "B1", quantity: 10))
        #expect(try await ledger.issue(batch: batch.id, count: 3).count == 3)
        #expect(try await Self.usesTLS(ledger))
        await ledger.shutdown()
    }

    @Test("With sslmode=require a server whose certificate another CA signed is refused")
    func tlsWithAnotherCA() async throws {
        var configuration = try await PostgresTestServer.freshDatabase()
        configuration.tls = .require
        configuration.trustRootsFile = try Self.unrelatedCA()
        let error = try await openingError(configuration)
        #expect(error.description.contains("TLS handshake failed"))
    }

    @Test("An sslrootcert file that does not exist is refused, naming the option")
    func missingTrustRoots() async throws {
        var configuration = try await PostgresTestServer.freshDatabase()
        configuration.tls = .require
        configuration.trustRootsFile = "/no/such/ca.pem"
        let error = try await openingError(configuration)
        #expect(error.description.contains("sslrootcert"))
    }

    @Test("With sslmode=disable the ledger works without TLS")
    func tlsDisabled() async throws {
        var configuration = try await PostgresTestServer.freshDatabase()
        configuration.tls = .disable
        let ledger = try await PostgresLedger(configuration: configuration, station: "line-1")
        #expect(try await !Self.usesTLS(ledger))
        await ledger.shutdown()
    }

    @Test("A URL without a password takes it from TRACESTATION_LEDGER_PASSWORD")
    func passwordFromEnvironment() async throws {
        let configuration = try await PostgresTestServer.freshDatabase()
        let url = "postgres://\(configuration.user)@\(configuration.host):\(configuration.port)/\(configuration.database)?sslmode=disable"
        let store = try await LedgerLocation.open(url, station: "line-1",
                                                  environment: [LedgerLocation.passwordVariable: configuration.password ?? ""])
        #expect(try await store.batches().isEmpty)
        let error = await #expect(throws: LedgerError.self) { try await LedgerLocation.open(url, station: "line-1", environment: [:]) }
        #expect(error?.rule.isCannotOpen == true)
    }

    /// The error opening a ledger with `configuration`, which must be `.cannotOpen`.
    private func openingError(_ configuration: PostgresLedger.Configuration) async throws -> LedgerError {
        do {
            let ledger = try await PostgresLedger(configuration: configuration, station: "line-1")
            await ledger.shutdown()
        } catch {
            #expect(error.rule.isCannotOpen, "\(error)")
            return error
        }
        throw Opened()
    }

    struct Opened: Error, CustomStringConvertible {
        var description: String { "the ledger opened, which it must not" }
    }

    private static func usesTLS(_ ledger: PostgresLedger) async throws -> Bool {
        try await ledger.read { connection in
            try await PostgresLedger.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", on: connection)
                .first?.decode(Bool.self) ?? false
        }
    }

    /// A loopback port nobody listens on: bound, read and closed again.
    private static func freeLoopbackPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }

    /// A throwaway CA of our own, which did not sign the test server's certificate.
    private static func unrelatedCA() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ca-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-days", "1", "-subj", "/CN=Unrelated CA", "-keyout", folder + "/ca.key", "-out", folder + "/ca.pem"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openssl could not make a CA")
        return folder + "/ca.pem"
    }
}

extension LedgerError.Rule {
    var isCannotOpen: Bool {
        if case .cannotOpen = self { return true }
        return false
    }
}
