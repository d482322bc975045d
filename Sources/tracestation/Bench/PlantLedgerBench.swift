import Foundation
import Ledger

/// A plant's ledger: `stations` stations issuing `codes` codes in all, concurrently, from
/// leases on one PostgreSQL database, beside one station issuing as many on SQLite in the
/// same run (the anchor); then one station's replay of `steps` label steps buffered in its
/// offline journal. Every code is checked distinct and the chain verified, or the bench fails.
///
/// Each station is what `serve` runs with `ledger.url`: a `BufferedLedger` with its own
/// journal file and its own connection pool, issuing blocks of 256 as a line does. With the
/// test server's control script, the run ends with `PlantOutageDrill`.
struct PlantLedgerBench {
    var codes = 1_000_000
    var stations = 8
    var steps = 100_000
    /// The server; a fresh database is made on it for the run and left for inspection.
    var postgresURL: String
    /// The script that pauses and resumes the server, for the outage drill; nil skips it.
    var serverControl: String?
    var outageSeconds = 60

    static let block = 256

    func run(in folder: String, json: Bool) async throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let configuration = try await Self.freshDatabase(on: postgresURL)

        let single = try await issueOnSQLite(in: folder)
        let plant = try await issueOnPostgres(configuration, in: folder)
        let replay = try await replayBuffered(configuration, in: folder)
        let audit = try await PostgresLedger(configuration: configuration, station: "bench-audit")
        let report = try await audit.verifyAudit(trustedKey: nil)
        guard report.isIntact else { throw BenchError("audit verify found the plant ledger broken: \(report.summary)") }

        var drill: PlantOutageDrill.Result?
        if let serverControl {
            drill = try await PlantOutageDrill(outageSeconds: outageSeconds, control: serverControl)
                .run(try await Self.freshDatabase(on: postgresURL), in: folder)
        }

        let ratio = plant / single
        var rows: [(step: String, value: String, target: String, ok: Bool?)] = [
            ("1 station, SQLite: codes/s (anchor)", String(Int(single.rounded())), "-", nil),
            ("\(stations) stations, one PostgreSQL: codes/s", String(Int(plant.rounded())), "-", nil),
            ("\(stations) stations on PostgreSQL vs 1 on SQLite", String(format: "%.2f", ratio), "≥ 0.50", ratio >= 0.5),
            ("replay \(steps) buffered steps: seconds", String(format: "%.2f", replay), "≤ 10", replay <= 10),
            ("audit of the plant chain: events", String(report.eventsChecked), "intact", true),
        ]
        if let drill {
            rows.append(("server stopped \(outageSeconds) s: labels printed meanwhile", String(drill.labelsDuringOutage), "> 0, no stall",
                         drill.labelsDuringOutage > 0 && drill.stalls == 0))
            rows.append(("then every journal replayed within: seconds", String(format: "%.1f", drill.catchUp.milliseconds / 1e3), "-", nil))
        }
        if json {
            for row in rows {
                var object: [String: Any] = ["step": row.step, "value": row.value, "target": row.target]
                if let ok = row.ok { object["within_target"] = ok }
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            }
            return
        }
        print("Plant ledger: \(codes) codes over \(stations) stations in blocks of \(Self.block), database \(configuration.displayURL)")
        let widths = [rows.map(\.step.count).max()!, rows.map(\.value.count).max()!]
        for row in rows {
            print([row.step.padding(toLength: widths[0], withPad: " ", startingAt: 0),
                   row.value.padding(toLength: widths[1], withPad: " ", startingAt: 0),
                   row.target + (row.ok.map { $0 ? " ok" : " MISSED" } ?? "")].joined(separator: "  "))
        }
    }

    /// Codes per second of one station issuing `codes` codes on SQLite.
    private func issueOnSQLite(in folder: String) async throws -> Double {
        let ledger = try SQLiteLedger(path: folder + "/single.sqlite", station: "bench-single")
        let batch = try await ledger.createBatch(Self.spec(lot: "SINGLE", quantity: codes))
        let seconds = try await Self.time {
            var issued = 0
            while issued < codes { issued += try await ledger.issue(batch: batch.id, count: min(Self.block, codes - issued)).count }
        }
        return Double(codes) / seconds
    }

    /// Codes per second of all stations together, each issuing its share from its leases,
    /// with every code checked distinct.
    private func issueOnPostgres(_ configuration: PostgresLedger.Configuration, in folder: String) async throws -> Double {
        let setup = try await PostgresLedger(configuration: configuration, station: "bench-lead")
        let batches = try await (0..<stations).asyncMap { try await setup.createBatch(Self.spec(lot: "PLANT\($0)", quantity: codes / stations + 1)) }
        let members = try await (0..<stations).asyncMap { index in
            try BufferedLedger(shared: try await PostgresLedger(configuration: configuration, station: "bench-\(index)"),
                               journal: try OfflineJournal(path: "\(folder)/station-\(index).sqlite", station: "bench-\(index)"))
        }
        var all = Set<String>()
        all.reserveCapacity(codes)
        let share = codes / stations
        let seconds = try await Self.time {
            try await withThrowingTaskGroup(of: [String].self) { group in
                for (member, batch) in zip(members, batches) {
                    group.addTask {
                        var values: [String] = []
                        values.reserveCapacity(share)
                        while values.count < share {
                            values += try await member.issue(batch: batch.id, count: min(Self.block, share - values.count)).map(\.value)
                        }
                        return values
                    }
                }
                for try await values in group { all.formUnion(values) }
            }
        }
        guard all.count == share * stations else { throw BenchError("the plant issued \(share * stations) codes but only \(all.count) are distinct") }
        return Double(all.count) / seconds
    }

    /// Seconds for one station to replay `steps` steps (sent, then printed) from its journal.
    private func replayBuffered(_ configuration: PostgresLedger.Configuration, in folder: String) async throws -> Double {
        let shared = try await PostgresLedger(configuration: configuration, station: "bench-offline")
        let batch = try await shared.createBatch(Self.spec(lot: "OFFLINE", quantity: steps / 2 + 1))
        let journal = try OfflineJournal(path: folder + "/offline.sqlite", station: "bench-offline")
        let station = try BufferedLedger(shared: shared, journal: journal)
        var codes: [IssuedCode] = []
        while codes.count < steps / 2 { codes += try await station.issue(batch: batch.id, count: min(Self.block, steps / 2 - codes.count)) }
        for chunk in stride(from: 0, to: codes.count, by: Self.block) {
            let part = codes[chunk..<min(chunk + Self.block, codes.count)]
            try journal.append(part.map { LabelChange(code: $0.value, event: .sent, batch: batch.id) }, mayBeRecorded: false)
            try journal.append(part.map { LabelChange(code: $0.value, event: .printed, batch: batch.id) }, mayBeRecorded: false)
        }
        let buffered = try BufferedLedger(shared: shared, journal: journal)
        let seconds = try await Self.time { try await buffered.replayPending() }
        let counts = try await shared.reconcile(batch: batch.id)
        guard counts.printedConfirmed == codes.count else {
            throw BenchError("after the replay \(counts.printedConfirmed) labels are printed, not \(codes.count)")
        }
        return seconds
    }

    private static func spec(lot: String, quantity: Int) throws -> BatchSpec {
        try BatchSpec(gtin: "06901234567892", lot: lot, quantity: quantity, overagePercent: 0)
    }

    private static func time(_ body: () async throws -> Void) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return (clock.now - start).milliseconds / 1e3
    }

    /// A new database on the server at `url`, named for the run.
    static func freshDatabase(on url: String) async throws -> PostgresLedger.Configuration {
        var configuration = try PostgresLedger.Configuration(url: url)
        configuration.database = "plant_bench_\(Int(Date().timeIntervalSince1970))_\(getpid())"
        try await PostgresLedger.createDatabase(configuration.database, on: PostgresLedger.Configuration(url: url))
        return configuration
    }
}

extension Sequence {
    /// The results of `transform` for each element, one after another.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
