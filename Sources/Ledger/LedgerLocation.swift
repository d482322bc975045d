import Foundation

/// Where a ledger is, as an operator writes it: a SQLite file on this station
/// (`data/station.sqlite`), or a PostgreSQL database the stations of a plant share
/// (`postgres://user@host:5432/ledger?sslmode=require`). Commands and the station open their
/// ledger through here, so both forms are accepted everywhere a ledger is named.
public enum LedgerLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLedger.Configuration)

    /// The PostgreSQL password when the URL has none, so it need not appear on a command line
    /// or in a configuration file.
    public static let passwordVariable = "TRACESTATION_LEDGER_PASSWORD"

    /// Reads a location: a `postgres://` or `postgresql://` URL is a PostgreSQL database (its
    /// password from `passwordVariable` in `environment` when the URL has none); any other
    /// URL is refused; anything else is a SQLite file's path. Errors never show the password.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(LedgerError) {
        guard let scheme = Self.scheme(of: text) else {
            self = .sqlite(path: text)
            return
        }
        let subject = "database URL \(Self.redacted(text))"
        guard Self.databaseSchemes.contains(scheme) else {
            throw LedgerError(subject, .invalidInput(
                "a ledger is a SQLite file's path or a postgres://user@host:port/database URL, not a \(scheme):// URL"))
        }
        var configuration: PostgresLedger.Configuration
        do {
            configuration = try PostgresLedger.Configuration(url: text)
        } catch {
            throw LedgerError(subject, error.rule)
        }
        if configuration.password == nil, let password = environment[Self.passwordVariable], !password.isEmpty {
            configuration.password = password
        }
        self = .postgres(configuration)
    }

    /// True for a `postgres://` or `postgresql://` URL.
    public static func isDatabaseURL(_ text: String) -> Bool {
        scheme(of: text).map(databaseSchemes.contains) ?? false
    }

    /// The path, or the URL without its password: for messages and logs.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let configuration): configuration.displayURL
        }
    }

    /// Opens the ledger; `sqliteOptions` apply to a SQLite file only.
    public func open(station: String, sqliteOptions: SQLiteLedger.Options = .init()) async throws(LedgerError) -> any LedgerStore {
        switch self {
        case .sqlite(let path): try SQLiteLedger(path: path, station: station, options: sqliteOptions)
        case .postgres(let configuration): try await PostgresLedger(configuration: configuration, station: station)
        }
    }

    /// Opens the ledger at `text`, a path or a URL, as `init` reads it.
    public static func open(_ text: String, station: String, sqliteOptions: SQLiteLedger.Options = .init(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) async throws(LedgerError) -> any LedgerStore {
        try await LedgerLocation(text, environment: environment).open(station: station, sqliteOptions: sqliteOptions)
    }

    static let databaseSchemes: Set<String> = ["postgres", "postgresql"]

    /// The lowercased scheme of `scheme://…`; nil for a path (a Windows drive letter or a
    /// relative path never has `://`).
    static func scheme(of text: String) -> String? {
        guard let separator = text.range(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }

    /// `text` with the password of its `user:password@` part left out, even when the rest of
    /// the URL cannot be parsed.
    public static func redacted(_ text: String) -> String {
        guard let separator = text.range(of: "://") else { return text }
        let afterScheme = text[separator.upperBound...]
        // The password may hold `/`, so look for the last `@` before any query or fragment.
        let beforeQuery = afterScheme[..<(afterScheme.firstIndex { $0 == "?" || $0 == "#" } ?? afterScheme.endIndex)]
        guard let at = beforeQuery.lastIndex(of: "@"),
              let colon = beforeQuery[..<at].firstIndex(of: ":") else { return text }
        return String(text[..<colon] + text[at...])
    }
}
