import Testing
@testable import Ledger

@Suite("Published line status")
struct LineStatusTests {
    static func row(_ station: String, _ line: String, at time: Int64, state: String) -> PublishedLineStatus {
        PublishedLineStatus(station: station, line: line, updatedAt: time, status: #"{"line":"\#(line)","state":"\#(state)"}"#)
    }

    @Test("Two stations on one ledger each publish their lines and each sees both, ordered by station and line",
          arguments: LedgerBackend.all)
    func twoStations(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let east = try await ledger.reopened(station: "east"), west = try await ledger.reopened(station: "west")
        try await west.publishLineStatus([Self.row("west", "w-2", at: 1_000, state: "idle"), Self.row("west", "w-1", at: 1_000, state: "idle")])
        try await east.publishLineStatus([Self.row("east", "e-1", at: 2_000, state: "running")])
        let expected = [Self.row("east", "e-1", at: 2_000, state: "running"), Self.row("west", "w-1", at: 1_000, state: "idle"),
                        Self.row("west", "w-2", at: 1_000, state: "idle")]
        #expect(try await east.plantLineStatus() == expected)
        #expect(try await west.plantLineStatus() == expected)
    }

    @Test("Publishing again replaces the station's row for that line and leaves the others", arguments: LedgerBackend.all)
    func upsert(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let east = try await ledger.reopened(station: "east"), west = try await ledger.reopened(station: "west")
        try await east.publishLineStatus([Self.row("east", "e-1", at: 1_000, state: "idle")])
        try await west.publishLineStatus([Self.row("west", "e-1", at: 1_000, state: "idle")])
        try await east.publishLineStatus([Self.row("east", "e-1", at: 5_000, state: "paused")])
        #expect(try await west.plantLineStatus() == [Self.row("east", "e-1", at: 5_000, state: "paused"),
                                                     Self.row("west", "e-1", at: 1_000, state: "idle")])
    }

    @Test("A station cannot publish another station's lines", arguments: LedgerBackend.all)
    func ownRowsOnly(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let east = try await ledger.reopened(station: "east")
        await #expect(throws: LedgerError.self) {
            try await east.publishLineStatus([Self.row("east", "e-1", at: 1, state: "idle"), Self.row("west", "w-1", at: 1, state: "idle")])
        }
        #expect(try await east.plantLineStatus().isEmpty)
    }

    @Test("Publishing appends no event: the chain and the audit are as before", arguments: LedgerBackend.all)
    func offTheChain(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 3).map(\.value)
        try await ledger.store.record(codes.map { LabelChange(code: $0, event: .printed) })
        let before = try await ledger.store.verifyAudit(trustedKey: nil)
        try await ledger.store.publishLineStatus([Self.row("line-1", "l-1", at: 1, state: "running")])
        try await ledger.store.publishLineStatus([Self.row("line-1", "l-1", at: 2, state: "idle")])
        let after = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(after.isIntact, "\(after.summary)")
        #expect(after.eventsChecked == before.eventsChecked && after.lastHash == before.lastHash)
    }
}
