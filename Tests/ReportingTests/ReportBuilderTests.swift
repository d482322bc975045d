import Foundation
import Ledger
import PropertyBased
@testable import Reporting
import Testing

@Suite("Report builder")
struct ReportBuilderTests {
    static let destination = "https://platform.example/reports"

    /// A ledger file with `printed` printed codes (the first `verified` of them verified) and
    /// `voided` voided ones.
    static func ledger(printed: Int, verified: Int = 0, voided: Int = 0) async throws -> (SQLiteLedger, Int64) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("builder-\(UUID().uuidString)/station.sqlite").path
        let ledger = try SQLiteLedger(path: path, station: "line-7")
        let batch = try await ledger.createBatch(BatchSpec(gtin: "06901234567892", lot: "L42", productionDate: "250301",
                                                           quantity: printed + voided + 1))
        let codes = try await ledger.issue(batch: batch.id, count: printed + voided).map(\.value)
        try await ledger.record(codes.prefix(printed).map { LabelChange(code: $0, event: .printed) })
        try await ledger.record(codes.prefix(verified).map { LabelChange(code: $0, event: .verifiedPass) })
        try await ledger.record(codes.suffix(voided).map { LabelChange(code: $0, event: .voided(reason: "jammed")) })
        return (ledger, batch.id)
    }

    @Test("Chunks hold at most N items, carry every code and void once, and decode to the report's header and records")
    func chunking() async {
        await propertyCheck(count: 25, input: Gen.int(in: 0...40), Gen.int(in: 0...6), Gen.int(in: 1...15)) { printed, voided, size in
            guard printed + voided > 0 else { return }
            let (ledger, batch) = try await Self.ledger(printed: printed, verified: printed / 2, voided: voided)
            let builder = try ReportBuilder(profile: .embeddedDefault, chunkItems: size)
            var bodies: [[UInt8]] = []
            let queued = try #require(try await ledger.enqueueReport(batch: batch, destination: Self.destination) { draft in
                let chunks = try builder.chunks(draft)
                // The same draft gives the same bytes: the idempotency key is stable.
                #expect(try builder.chunks(draft) == chunks)
                bodies = chunks.map(\.body)
                return chunks
            })
            #expect(queued.chunks == (printed + voided + size - 1) / size)
            let decoded = try bodies.map { try FieldMapping.identity.decode($0) }
            #expect(decoded.allSatisfy { $0.codes.count + $0.voids.count <= size })
            #expect(decoded.map(\.report.chunk) == Array(1...queued.chunks))
            #expect(decoded.allSatisfy { $0.report.id == "line-7-\(queued.number)" && $0.report.chunks == queued.chunks })
            #expect(decoded.flatMap(\.codes).count == printed)
            #expect(decoded.flatMap(\.voids).map(\.reason) == Array(repeating: "jammed", count: voided))
            let codes = decoded.flatMap(\.codes)
            #expect(codes.filter { $0.verification == .pass }.count == printed / 2)
            #expect(codes.allSatisfy { $0.line == "line-7" && $0.payload.hasPrefix("(01)06901234567892") && $0.printedAt.hasSuffix("+08:00") })
            #expect(decoded.allSatisfy { $0.batch == BatchInfo(id: batch, lot: "L42", productionDate: "2025-03-01", quantity: printed + voided + 1) })
            #expect(decoded.allSatisfy { $0.producer == ReportingProfile.embeddedDefault.producer })
        }
    }

    @Test("A batch of a product missing from the profile is refused, naming the GTIN, and nothing is queued")
    func unknownProduct() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("builder-\(UUID().uuidString)/station.sqlite").path
        let ledger = try SQLiteLedger(path: path, station: "line-7")
        let batch = try await ledger.createBatch(BatchSpec(gtin: "06901234567809", lot: "L1", quantity: 3))
        let codes = try await ledger.issue(batch: batch.id, count: 1).map(\.value)
        try await ledger.record([LabelChange(code: codes[0], event: .printed)])
        let builder = try ReportBuilder(profile: .embeddedDefault)
        await #expect(throws: ReportingError.self) {
            try await builder.enqueue(batch: batch.id, destination: Self.destination, in: ledger)
        }
        #expect(try await ledger.outboxStatus(destination: nil).reports.isEmpty)
    }

    @Test("Chunk sizes outside 1 to 10,000 are refused", arguments: [0, -1, 10_001])
    func chunkSizeRange(_ size: Int) {
        #expect(throws: ReportingError.self) { try ReportBuilder(profile: .embeddedDefault, chunkItems: size) }
    }

    @Test("Report times are ISO 8601 in the plant's zone with milliseconds, as Foundation writes them")
    func times() async throws {
        let builder = try ReportBuilder(profile: .embeddedDefault)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = ReportBuilder.plantTimeZone
        await propertyCheck(input: Gen.int64(in: -2_000_000_000...4_000_000_000), Gen.int64(in: 0...999)) { seconds, millisecond in
            // Foundation's fractions go through a Double, so it is compared on whole seconds.
            let expected = formatter.string(from: Date(timeIntervalSince1970: Double(seconds)))
            let text = builder.iso8601(seconds * 1000 + millisecond)
            #expect(text.prefix(19) + text.suffix(6) == expected.prefix(19) + expected.suffix(6))
            #expect(text.dropFirst(19).prefix(4) == "." + String(1000 + millisecond).dropFirst())
        }
        #expect(builder.iso8601(1_740_787_200_123) == "2025-03-01T08:00:00.123+08:00")
    }
}
