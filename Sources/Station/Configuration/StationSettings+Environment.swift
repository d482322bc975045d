import Foundation
import Ledger

extension StationSettings {
    /// Replaces `station.id`.
    public static let stationIDVariable = "TRACESTATION_STATION_ID"
    /// Replaces `ledger.path`.
    public static let ledgerVariable = "TRACESTATION_LEDGER"
    /// Replaces `ledger.url`: the plant's PostgreSQL ledger.
    public static let ledgerURLVariable = "TRACESTATION_LEDGER_URL"
    /// Replaces `http.port`.
    public static let httpPortVariable = "TRACESTATION_HTTP_PORT"
    /// Replaces `station.output`.
    public static let outputVariable = "TRACESTATION_OUTPUT"

    /// Applies the overrides set in `environment` (an empty value counts as unset), recording
    /// each bad value against its variable; returns the variables applied with their values.
    static func applyOverrides(to settings: inout StationSettings, environment: [String: String],
                               reader: ConfigurationReader) -> [String: String] {
        var applied: [String: String] = [:]
        func value(_ variable: String) -> String? {
            guard let value = environment[variable]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        if let id = value(stationIDVariable) {
            if isSafeIdentifier(id) {
                settings.stationID = id
                applied[stationIDVariable] = id
            } else {
                reader.fail(environment: stationIDVariable, key: "station.id",
                            .invalidValue("'\(id)' is not a safe station id; \(safeIdentifierRule)"))
            }
        }
        if let path = value(ledgerVariable) {
            settings.ledgerPath = path
            applied[ledgerVariable] = path
        }
        if let url = value(ledgerURLVariable) {
            if let rule = ledgerURLProblem(url) {
                reader.fail(environment: ledgerURLVariable, key: "ledger.url", rule)
            } else {
                settings.ledgerURL = url
                applied[ledgerURLVariable] = LedgerLocation.redacted(url)
            }
        }
        if let text = value(httpPortVariable) {
            let range = LineSettings.portRange
            if let port = Int(text), range.contains(port) {
                settings.httpPort = port
                applied[httpPortVariable] = text
            } else {
                reader.fail(environment: httpPortVariable, key: "http.port", .invalidValue(
                    "'\(text)' is not a port; use a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
        }
        if let path = value(outputVariable) {
            settings.outputDirectory = path
            applied[outputVariable] = path
        }
        return applied
    }
}
