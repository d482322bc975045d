import Foundation
import PostgresNIO

/// The ledger on a PostgreSQL server, shared by the stations of a plant: the same tables and
/// rules as `SQLiteLedger`, through a pool of connections (postgres-nio's `PostgresClient`).
///
/// SQLite lets one writer at a time into the file (`BEGIN IMMEDIATE`); here every writing
/// transaction takes one transaction-scoped advisory lock first, so writes from all stations
/// still happen one after another. That keeps the event chain one chain (each writer reads
/// the head after the previous writer committed), and lets issuance check a serial and then
/// insert it without a race. Reads run in a read-only repeatable-read transaction, so the
/// several queries of one answer (an audit, a reconciliation) see one snapshot and never
/// wait for a writer.
public final class PostgresLedger: LedgerStore {
    /// Where the server is and how to reach it, usually from a `postgres://` URL.
    public struct Configuration: Sendable, Hashable {
        /// As libpq's `sslmode`: `prefer` uses TLS when the server offers it, `require`
        /// refuses a server without it. With TLS the server's certificate is verified against
        /// the system's trust roots, or `trustRootsFile` when given (a plant's own CA).
        public enum TLSMode: String, Sendable, Hashable, CaseIterable {
            case disable, prefer, require
        }

        public var host: String
        public var port: Int
        public var user: String
        public var password: String?
        public var database: String
        public var tls: TLSMode
        /// PEM file of the CA certificates that sign the server's certificate.
        public var trustRootsFile: String?
        /// Connections this station opens at most; the server's `max_connections` is shared
        /// by every station of the plant.
        public var maximumConnections: Int
        /// How long opening a connection may take, TLS and login included.
        public var connectTimeout: Duration

        public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
                    tls: TLSMode = .prefer, trustRootsFile: String? = nil, maximumConnections: Int = 8,
                    connectTimeout: Duration = .seconds(10)) {
            self.host = host
            self.port = port
            self.user = user
            self.password = password
            self.database = database
            self.tls = tls
            self.trustRootsFile = trustRootsFile
            self.maximumConnections = maximumConnections
            self.connectTimeout = connectTimeout
        }

        /// Reads `postgres://user:password@host:port/database?sslmode=…&sslrootcert=…&pool_max=…&connect_timeout=…`
        /// (`postgresql://` too); the port defaults to 5432, `sslmode` to `prefer` and
        /// `connect_timeout` to 10 seconds.
        public init(url: String) throws(LedgerError) {
            let subject = "database URL"
            guard let components = URLComponents(string: url), let scheme = components.scheme,
                  ["postgres", "postgresql"].contains(scheme.lowercased()) else {
                throw LedgerError(subject, .invalidInput("not a postgres://user:password@host:port/database URL"))
            }
            guard let host = components.host, !host.isEmpty else { throw LedgerError(subject, .invalidInput("the URL names no host")) }
            guard let user = components.user, !user.isEmpty else { throw LedgerError(subject, .invalidInput("the URL names no user")) }
            let database = String(components.path.drop { $0 == "/" })
            guard !database.isEmpty, !database.contains("/") else {
                throw LedgerError(subject, .invalidInput("the URL must name one database after the host, as in postgres://user@host/ledger"))
            }
            self.init(host: host, port: components.port ?? 5432, user: user, password: components.password, database: database)
            for item in components.queryItems ?? [] {
                switch (item.name, item.value) {
                case ("sslmode", let value?):
                    guard let mode = TLSMode(rawValue: value) else {
                        throw LedgerError(subject, .invalidInput("sslmode must be \(TLSMode.allCases.map(\.rawValue).joined(separator: ", ")), not \(value)"))
                    }
                    tls = mode
                case ("sslrootcert", let value?):
                    trustRootsFile = value
                case ("pool_max", let value?):
                    guard let count = Int(value), count >= 1 else {
                        throw LedgerError(subject, .invalidInput("pool_max must be a whole number of at least 1, not \(value)"))
                    }
                    maximumConnections = count
                case ("connect_timeout", let value?):
                    guard let seconds = Int(value), seconds >= 1 else {
                        throw LedgerError(subject, .invalidInput("connect_timeout must be a whole number of seconds, at least 1, not \(value)"))
                    }
                    connectTimeout = .seconds(seconds)
                default:
                    throw LedgerError(subject, .invalidInput(
                        "unknown option \(item.name); the ledger knows sslmode, sslrootcert, pool_max and connect_timeout"))
                }
            }
        }

        /// The URL without the password, to name the ledger in messages and logs.
        public var displayURL: String { "postgres://\(user)@\(host):\(port)/\(database)" }
    }

    public let configuration: Configuration
    /// Written into every event this ledger appends.
    public let station: String
    let subject: String
    let client: PostgresClient
    /// The pool's own work (opening, keeping and closing connections); cancelled when the
    /// ledger goes away, which closes its connections.
    private let running: Task<Void, Never>
    let groupCommit: GroupCommit
    /// postgres-nio logs each query at debug level; the ledger reports through its errors.
    static let logger: Logger = {
        var logger = Logger(label: "ledger.postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// Connects, and brings the schema up to date (see `PostgresLedger+Schema.swift`). A
    /// server that cannot be reached, or refuses the login, fails this at once.
    public init(configuration: Configuration, station: String) async throws(LedgerError) {
        self.configuration = configuration
        self.station = station
        let subject = "database \(configuration.displayURL)"
        self.subject = subject
        try await Self.probe(configuration, subject: subject)
        let client = PostgresClient(configuration: configuration.client)
        self.client = client
        running = Task { await client.run() }
        groupCommit = GroupCommit { [client, station] requests in
            await Self.commit(requests, client: client, station: station, subject: subject)
        }
        try await migrate()
    }

    public convenience init(url: String, station: String) async throws(LedgerError) {
        try await self.init(configuration: Configuration(url: url), station: station)
    }

    deinit {
        running.cancel()
    }

    /// Creates an empty database named `name` (lower-case letters, digits and `_`) on the
    /// server `configuration` points at, connecting to the database it names.
    public static func createDatabase(_ name: String, on configuration: Configuration) async throws(LedgerError) {
        guard !name.isEmpty, name.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }) else {
            throw LedgerError("database \(name)", .invalidInput("a new database's name takes lower-case letters, digits and _ only"))
        }
        let client = PostgresClient(configuration: configuration.client)
        let running = Task { await client.run() }
        defer { running.cancel() }
        do {
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        } catch {
            throw ledgerError(error, subject: "database \(name) on \(configuration.displayURL)")
        }
    }

    /// Closes the pool's connections and waits until they are closed.
    public func shutdown() async {
        running.cancel()
        await running.value
    }

    /// The advisory lock every writing transaction holds: one writer at a time on this
    /// database, whichever station. The key is "TRACESTA" in ASCII.
    static let writerLock: Int64 = 0x5452_4143_4553_5441

    /// Runs `body` in one transaction that holds the writer lock, mapping failures.
    func write<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(LedgerError) -> T {
        try await Self.write(client: client, subject: subject, body)
    }

    static func write<T: Sendable>(client: PostgresClient, subject: String, _ body: (PostgresConnection) async throws -> T)
        async throws(LedgerError) -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    try await connection.query("SELECT pg_advisory_xact_lock(\(writerLock))", logger: logger)
                    let result = try await body(connection)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw ledgerError(error, subject: subject)
        }
    }

    /// Runs `body` in one read-only transaction: one snapshot for all its queries.
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(LedgerError) -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: Self.logger)
                do {
                    let result = try await body(connection)
                    try await connection.query("COMMIT", logger: Self.logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: Self.logger)
                    throw error
                }
            }
        } catch {
            throw Self.ledgerError(error, subject: subject)
        }
    }

    /// Rows of a query, all read before the next query on the connection.
    static func rows(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    /// Runs a statement whose rows, if any, are not needed.
    static func run(_ query: PostgresQuery, on connection: PostgresConnection) async throws {
        try await connection.query(query, logger: logger)
    }
}
