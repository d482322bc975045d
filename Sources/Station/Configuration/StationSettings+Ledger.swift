import Foundation
import Ledger

extension StationSettings {
    /// `ledgerURL` without its password, for logs and `config check`.
    public var ledgerDisplayURL: String? {
        ledgerURL.map(LedgerLocation.redacted)
    }

    /// Where the station's ledger is: the PostgreSQL database when `ledgerURL` is set, else
    /// the local file. A URL without a password takes it from `TRACESTATION_LEDGER_PASSWORD`.
    public func ledgerLocation(environment: [String: String] = ProcessInfo.processInfo.environment) throws(LedgerError) -> LedgerLocation {
        try LedgerLocation(ledgerURL ?? ledgerPath, environment: environment)
    }

    /// `ledger: { path: …, url: … }`: the path is required unless a URL is given, which
    /// leaves the local file at its default.
    static func readLedger(_ ledger: ConfigurationMapping, into settings: inout StationSettings, reader: ConfigurationReader) {
        if let urlNode = ledger["url"], let url = reader.text(urlNode) {
            if let rule = ledgerURLProblem(url) {
                reader.fail(urlNode, rule)
            } else {
                settings.ledgerURL = url
            }
        }
        if let node = ledger["lease_reserve"], let codes = reader.int(node, in: 0...10_000_000) {
            settings.sharedLedger.leaseReserve = codes
        }
        if let node = ledger["answer_timeout"], let seconds = reader.int(node, in: 1...600) {
            settings.sharedLedger.answerTimeout = .seconds(seconds)
        }
        let pathNode = ledger["url"] == nil ? reader.required("path", in: ledger) : ledger["path"]
        if let pathNode, let path = reader.text(pathNode) {
            settings.ledgerPath = path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                reader.fail(pathNode, .invalidValue("'\(path)' is a folder; name the station's SQLite file, e.g. data/station.sqlite"))
            }
        }
    }

    /// Why `url` cannot name the station's PostgreSQL ledger, or nil when it can. Never
    /// repeats the URL, which may hold a password.
    static func ledgerURLProblem(_ url: String) -> StationConfigurationError.Rule? {
        let example = "write postgres://user@host:5432/database, with ?sslmode=require for TLS"
        guard LedgerLocation.isDatabaseURL(url) else {
            return .invalidValue("not a postgres:// URL; \(example) (the local SQLite file is ledger.path)")
        }
        do throws(LedgerError) {
            _ = try LedgerLocation(url, environment: [:])
            return nil
        } catch {
            return .invalidValue("\(error.rule); \(example)")
        }
    }
}
