import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import Logging
import Station
@testable import StationHTTP

/// A clock the test moves by hand, so staleness is tested without waiting.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var milliseconds: Int64

    init(_ start: Int64 = Timestamp.now()) { milliseconds = start }

    var now: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return milliseconds
    }

    func advance(seconds: Int64) {
        lock.lock()
        defer { lock.unlock() }
        milliseconds += seconds * 1000
    }
}

/// Stations of one plant, each a real `StationRuntime` with a line on a virtual printer, on one
/// shared SQLite ledger (each with its own connection and station name), run in-process.
struct PlantHarness {
    let folder: String
    let clock = ManualClock()
    var ledgerPath: String { folder + "/plant.sqlite" }
    static let silent = Logger(label: "plant-test") { _ in SwiftLogNoOpLogHandler() }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("plant-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    var options: PlantOptions {
        let clock = clock
        return PlantOptions(publishInterval: .milliseconds(100), clock: { clock.now })
    }

    func settings(_ station: String, lines: [String]) -> StationSettings {
        let users = StationSettings.Role.allCases.map { StationSettings.User(name: APIHarness.names[$0]!, role: $0, token: APIHarness.tokens[$0]!) }
        return StationSettings(stationID: station, ledgerPath: ledgerPath, lines: lines.map { LineSettings(id: $0) }, users: users,
                               outputDirectory: "\(folder)/\(station)")
    }

    /// A station with `lines`, started (its lines idle) but not yet running its services.
    func station(_ id: String, lines: [String] = ["line-1"], ledger: (any LedgerStore)? = nil) async throws -> StationRuntime {
        let ledger = try ledger ?? SQLiteLedger(path: ledgerPath, station: id)
        return await StationRuntime.start(settings: settings(id, lines: lines), ledger: ledger, signer: nil, journal: nil,
                                          logger: Self.silent, shutdownGrace: .seconds(5), plant: options)
    }

    /// The plant view alone, as `serve --plant` runs it, with a line configured that it must not start.
    func plantView() throws -> StationRuntime {
        StationRuntime.plantView(settings: settings("plant-view", lines: ["line-9"]), ledger: try SQLiteLedger(path: ledgerPath, station: "plant-view"),
                                 logger: Self.silent, plant: options)
    }

    /// Runs the station's services (lines, server on a free port, publisher) until cancelled.
    static func run(_ station: StationRuntime) -> Task<Void, any Error> {
        Task { try await station.run(host: "127.0.0.1", port: 0) }
    }

    /// Asks `api`'s router, in-process, as an operator.
    static func get(_ api: StationAPI, _ uri: String, as role: StationSettings.Role? = .operator_) async throws -> APIHarness.Answer {
        let app = Application(router: api.router())
        return try await app.test(.router) { client in
            try await APIHarness.Client(client: client).get(uri, as: role)
        }
    }

    /// Polls the plant as `api` shows it until `condition` holds; fails after a generous deadline.
    static func waitForPlant(_ api: StationAPI, _ what: String, _ condition: ([String: Any]) -> Bool) async throws -> [String: Any] {
        for _ in 0..<600 {
            let plant = try await get(api, "/api/v1/plant").json
            if condition(plant) { return plant }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw DeadlinePassed(what: what)
    }

    /// The plant's lines as `station/line` → the line's entry.
    static func lines(_ plant: [String: Any]) -> [String: [String: Any]] {
        var lines: [String: [String: Any]] = [:]
        for station in plant["stations"] as? [[String: Any]] ?? [] {
            for line in station["lines"] as? [[String: Any]] ?? [] {
                lines["\(station["station"] as? String ?? "")/\(line["line"] as? String ?? "")"] = line
            }
        }
        return lines
    }
}
