import Foundation
import Ledger

/// The private PostgreSQL server `make test` starts (scripts/postgres-test-server.sh).
public enum PostgresTestServer {
    public static let variable = "TRACESTATION_TEST_POSTGRES_URL"
    public static let caVariable = "TRACESTATION_TEST_POSTGRES_CA"

    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "no PostgreSQL test server: run `make test`, which starts one for the tests, or `scripts/postgres-test-server.sh start` before `swift test` (or set \(PostgresTestServer.variable))"
        }
    }

    /// The server's URL: from the environment, else from the file the script writes.
    public static func url() throws -> String {
        if let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty { return url }
        guard let text = try? String(contentsOf: stateFolder.appendingPathComponent("url"), encoding: .utf8) else { throw Missing() }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The CA certificate that signs the server's TLS certificate.
    public static func caFile() throws -> String {
        if let path = ProcessInfo.processInfo.environment[caVariable], !path.isEmpty { return path }
        let path = stateFolder.appendingPathComponent("ca.pem").path
        guard FileManager.default.fileExists(atPath: path) else { throw Missing() }
        return path
    }

    /// `.build/postgres-test-server` of the package these tests belong to.
    private static var stateFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/postgres-test-server")
    }

    /// A new, empty database on the server, for one test alone; the server is thrown away
    /// whole when the tests end.
    public static func freshDatabase() async throws -> PostgresLedger.Configuration {
        var configuration = try PostgresLedger.Configuration(url: url())
        let name = "ledger_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await PostgresLedger.createDatabase(name, on: configuration)
        configuration.database = name
        return configuration
    }
}

extension PostgresLedger.Configuration {
    /// The same database reached through `relay`, which a test can cut.
    public func through(_ relay: CuttableRelay) -> Self {
        var relayed = self
        relayed.host = "127.0.0.1"
        relayed.port = relay.port
        return relayed
    }

    /// The database's URL with its password, as `--db` and `ledger.url` take it.
    public var url: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.password = password
        components.host = host
        components.port = port
        components.path = "/" + database
        components.queryItems = [URLQueryItem(name: "sslmode", value: tls.rawValue)]
        if let trustRootsFile { components.queryItems?.append(URLQueryItem(name: "sslrootcert", value: trustRootsFile)) }
        return components.string ?? displayURL
    }
}
