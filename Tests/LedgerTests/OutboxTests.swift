import Foundation
import GRDB
import PropertyBased
import Testing
@testable import Ledger

@Suite("Report outbox")
struct OutboxTests {
    static let destination = "https://platform.example/reports"

    /// Splits the draft's records into chunks of at most `size` items, codes first; the body
    /// names the report, the chunk and its items, so every chunk's bytes differ.
    static func chunks(_ draft: ReportDraft, size: Int) -> [OutboxChunk] {
        let items = draft.records.codes.map { (value: $0.value, void: false) } + draft.records.voids.map { (value: $0.value, void: true) }
        return stride(from: 0, to: items.count, by: size).enumerated().map { index, start in
            let part = items[start..<min(start + size, items.count)]
            let body = "report \(draft.number) chunk \(index + 1): " + part.map(\.value).joined(separator: " ")
            return OutboxChunk(body: Array(body.utf8), idempotencyKey: "r\(draft.number)-c\(index + 1)",
                               codes: part.filter { !$0.void }.map(\.value), voids: part.filter(\.void).map(\.value))
        }
    }

    @discardableResult
    static func enqueue(_ ledger: TestLedger, batch: Int64, size: Int = 3, to destination: String = destination) async throws -> QueuedReport? {
        try await ledger.store.enqueueReport(batch: batch, destination: destination) { chunks($0, size: size) }
    }

    @Test("Commissioned codes carry their print time, station and verification; voids their reason and replacement",
          arguments: LedgerBackend.all)
    func reportableRecords(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 7).map(\.value)
        let before = Timestamp.now()
        try await ledger.store.record(codes[0...2].map { LabelChange(code: $0, event: .printed) }
            + [LabelChange(code: codes[3], event: .sent), LabelChange(code: codes[3], event: .unconfirmed),
               LabelChange(code: codes[4], event: .sent)])
        try await ledger.store.record([LabelChange(code: codes[1], event: .verifiedPass), LabelChange(code: codes[2], event: .verifiedFail)])
        let replacement = try await ledger.store.reprint(code: codes[0], reason: "smudged").value
        try await ledger.store.record([LabelChange(code: codes[5], event: .voided(reason: "torn"))])

        let records = try await ledger.store.reportableRecords(batch: batch.id, destination: Self.destination)
        #expect(records.codes.map(\.value) == [codes[1], codes[2], codes[3]])
        #expect(records.codes.map(\.state) == [.verifiedPass, .verifiedFail, .unconfirmed])
        #expect(records.codes.allSatisfy { $0.station == "line-1" && $0.printedAt >= before && $0.elementString.hasPrefix("(01)") })
        #expect(records.voids.map(\.value) == [codes[0], codes[5]])
        #expect(records.voids.map(\.reason) == ["smudged", "torn"])
        #expect(records.voids.map(\.replacedBy) == [replacement, nil])
    }

    @Test("Each record is queued for a destination once; a later report holds only what is new, another destination gets everything",
          arguments: LedgerBackend.all)
    func incremental(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 10).map(\.value)
        try await ledger.store.record(codes[0..<6].map { LabelChange(code: $0, event: .printed) })
        let first = try #require(try await Self.enqueue(ledger, batch: batch.id))
        #expect((first.codes, first.voids, first.chunks) == (6, 0, 2))
        #expect(try await Self.enqueue(ledger, batch: batch.id) == nil)

        try await ledger.store.record(codes[6..<8].map { LabelChange(code: $0, event: .printed) }
            + [LabelChange(code: codes[0], event: .voided(reason: "recalled"))])
        let second = try #require(try await Self.enqueue(ledger, batch: batch.id))
        #expect((second.number, second.codes, second.voids, second.chunks) == (first.number + 1, 2, 1, 1))

        let other = try #require(try await Self.enqueue(ledger, batch: batch.id, to: "https://other.example/in"))
        #expect((other.codes, other.voids) == (7, 1))
        let counts = try await ledger.store.reconcile(batch: batch.id)
        #expect((counts.reported, counts.acknowledged) == (8, 0))
    }

    @Test("Reporting in any number of rounds queues every printed code exactly once", arguments: LedgerBackend.all)
    func roundsCoverEverything(_ backend: LedgerBackend) async throws {
        await propertyCheck(count: 12, input: Gen.int(in: 1...5).array(of: 1...5), Gen.int(in: 1...4)) { rounds, size in
            let ledger = try await TestLedger(backend)
            let batch = try await ledger.batch()
            var queued: [String] = []
            var printed: [String] = []
            for count in rounds {
                let codes = try await ledger.store.issue(batch: batch.id, count: count).map(\.value)
                try await ledger.store.record(codes.map { LabelChange(code: $0, event: .printed) })
                printed += codes
                _ = try await ledger.store.enqueueReport(batch: batch.id, destination: Self.destination) { draft in
                    queued += draft.records.codes.map(\.value)
                    return Self.chunks(draft, size: size)
                }
            }
            #expect(queued == printed)
            #expect(try await ledger.store.reconcile(batch: batch.id).reported == printed.count)
        }
    }

    @Test("Chunks that leave out a record are refused and nothing is queued", arguments: LedgerBackend.all)
    func refusesPartialChunks(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 4).map(\.value)
        try await ledger.store.record(codes.map { LabelChange(code: $0, event: .printed) })
        await #expect(throws: LedgerError.self) {
            try await ledger.store.enqueueReport(batch: batch.id, destination: Self.destination) { draft in
                Array(Self.chunks(draft, size: 2).dropLast())
            }
        }
        #expect(try await ledger.store.outboxStatus(destination: nil).reports.isEmpty)
        #expect(try await ledger.store.reportableRecords(batch: batch.id, destination: Self.destination).codes.count == 4)
    }

    @Test("A chunk waits for its next attempt, is delivered once with its receipt, and the acknowledgement is on the chain",
          arguments: LedgerBackend.all)
    func delivery(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 5).map(\.value)
        try await ledger.store.record(codes.map { LabelChange(code: $0, event: .printed) })
        try await Self.enqueue(ledger, batch: batch.id)
        let now = Timestamp.now()
        let due = try await ledger.store.dueChunks(now: now, limit: 10, destination: nil)
        #expect(due.map(\.index) == [1, 2])
        #expect(due.map(\.codes) == [3, 2])
        #expect(due[0].body == Array("report 1 chunk 1: \(codes[0...2].joined(separator: " "))".utf8))
        // Chunks in flight are left out.
        #expect(try await ledger.store.dueChunks(now: now, limit: 10, destination: nil, excluding: [due[0].id]).map(\.id) == [due[1].id])

        try await ledger.store.retryLater(chunk: due[0].id, error: "HTTP 503", nextAttemptAt: now + 60_000)
        #expect(try await ledger.store.dueChunks(now: now, limit: 10, destination: nil).map(\.id) == [due[1].id])
        #expect(try #require(try await ledger.store.nextAttemptTime(destination: nil)) <= now)
        #expect(try await ledger.store.dueChunks(now: now + 60_000, limit: 10, destination: nil).first { $0.id == due[0].id }?.attempts == 1)

        #expect(try await ledger.store.acknowledge(chunk: due[1].id, receipt: "R-2"))
        #expect(try await !ledger.store.acknowledge(chunk: due[1].id, receipt: "R-2 again"))
        #expect(try await ledger.store.nextAttemptTime(destination: nil) == now + 60_000)
        var counts = try await ledger.store.reconcile(batch: batch.id)
        #expect((counts.reported, counts.acknowledged) == (5, 2))

        #expect(try await ledger.store.acknowledge(chunk: due[0].id, receipt: "R-1"))
        #expect(try await ledger.store.nextAttemptTime(destination: nil) == nil)
        counts = try await ledger.store.reconcile(batch: batch.id)
        #expect((counts.reported, counts.acknowledged) == (5, 5))
        #expect(counts.json.hasSuffix(#""printed":5,"reported":5,"acknowledged":5,"balanced":false,"problems":["5 printed but neither verified nor flagged"]}"#))
        let status = try await ledger.store.outboxStatus(destination: Self.destination)
        #expect(status.reports.first?.receipts == ["R-1", "R-2"])
        #expect(status.reports.first?.chunks[.delivered] == 2)
        let audit = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(audit.isIntact, "\(audit.summary)")
        #expect(audit.eventsChecked == 1 + 5 + 5 + 2)
    }

    @Test("A refused chunk is a dead letter with its reason until requeued", arguments: LedgerBackend.all)
    func deadLetters(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch()
        let codes = try await ledger.store.issue(batch: batch.id, count: 2).map(\.value)
        try await ledger.store.record(codes.map { LabelChange(code: $0, event: .printed) })
        try await Self.enqueue(ledger, batch: batch.id)
        let chunk = try #require(try await ledger.store.dueChunks(now: Timestamp.now(), limit: 1, destination: nil).first)
        try await ledger.store.deadLetter(chunk: chunk.id, reason: "HTTP 422: producer.uscc: check character is 3, expected 7")

        #expect(try await ledger.store.dueChunks(now: Timestamp.now() + 1_000_000, limit: 10, destination: nil).isEmpty)
        let status = try await ledger.store.outboxStatus(destination: nil)
        #expect(status.chunks(.dead) == 1)
        #expect(status.deadLetters.map(\.reason) == ["HTTP 422: producer.uscc: check character is 3, expected 7"])
        #expect(status.deadLetters.first?.firstCode == codes[0])
        #expect(try await ledger.store.requeueDeadLetters(destination: "https://elsewhere.example/") == 0)
        #expect(try await ledger.store.requeueDeadLetters(destination: Self.destination) == 1)
        let again = try await ledger.store.dueChunks(now: Timestamp.now(), limit: 1, destination: Self.destination)
        #expect(again.map(\.id) == [chunk.id])
        #expect(again.first?.attempts == 0)
    }

    @Test("Acknowledgements are accepted on a closed batch and checked by the audit", arguments: LedgerBackend.all)
    func auditChecksAcknowledgements(_ backend: LedgerBackend) async throws {
        let ledger = try await TestLedger(backend)
        let batch = try await ledger.batch(quantity: 3, overage: 0)
        let codes = try await ledger.store.issue(batch: batch.id, count: 3).map(\.value)
        try await ledger.store.record(codes.map { LabelChange(code: $0, event: .printed) })
        try await ledger.store.record(codes.map { LabelChange(code: $0, event: .verifiedPass) })
        try await Self.enqueue(ledger, batch: batch.id, size: 1)
        let checkpoint = try await ledger.store.close(batch: batch.id, signer: CheckpointSigner(), override: nil)
        #expect(checkpoint.counts.reported == nil)
        for chunk in try await ledger.store.dueChunks(now: Timestamp.now(), limit: 10, destination: nil).prefix(2) {
            try await ledger.store.acknowledge(chunk: chunk.id, receipt: "R-\(chunk.index)")
        }
        let intact = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(intact.isIntact, "\(intact.summary)")

        try await ledger.tamper("UPDATE report_chunks SET state = 'delivered' WHERE chunk_index = 3")
        let forged = try await ledger.store.verifyAudit(trustedKey: nil)
        #expect(forged.findings == ["report_chunks table: chunk r1-c3 is delivered, but no event records its acknowledgement"])
    }

    @Test("A version 2 ledger gains the outbox in place of the unused placeholder tables, and keeps its batches")
    func migratesFromVersion2() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/station.sqlite"
        let queue = try DatabaseQueue(path: path)
        try SQLiteLedger.migrator.migrate(queue, upTo: "v2: compact code key")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO products (id, gtin) VALUES (1, '06901234567892');
                INSERT INTO batches (id, product_id, gtin, lot, quantity, overage_percent, domain, serial_length, created_at, state)
                    VALUES (1, 1, '06901234567892', 'B1', 10, 5, 'https://id.gs1.org', 12, 0, 'open');
                """)
        }
        try queue.close()

        let ledger = try SQLiteLedger(path: path, station: "line-1")
        let tables = try await ledger.queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('outbox', 'reports', 'report_chunks', 'report_destinations', 'reported_codes') ORDER BY name")
        }
        #expect(tables == ["report_chunks", "report_destinations", "reported_codes", "reports"])
        #expect(try await ledger.batch(1).spec.lot == "B1")
        #expect(try await ledger.reportableRecords(batch: 1, destination: Self.destination).isEmpty)
    }
}
