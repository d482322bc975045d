import Foundation
import Ledger

/// Turns a batch's reportable records into the platform report: a `BatchReport`, and the
/// chunks the outbox queues, each body encoded with the profile's field mapping. The same
/// records and report number give the same bytes, so a chunk's idempotency key is stable.
public struct ReportBuilder: Sendable {
    /// The plant's clock: times in reports carry the offset of China Standard Time, whatever
    /// zone the station's clock is set to.
    public static let plantTimeZone = TimeZone(identifier: "Asia/Shanghai")!

    public let profile: ReportingProfile
    /// At most this many items (codes and voids together) per chunk.
    public let chunkItems: Int
    public let timeZone: TimeZone

    public init(profile: ReportingProfile, chunkItems: Int? = nil, timeZone: TimeZone = plantTimeZone) throws(ReportingError) {
        let items = chunkItems ?? profile.platform.chunkCodes
        guard ReportingProfile.Platform.chunkCodesRange.contains(items) else {
            throw ReportingError("chunk size \(items)", .invalidValue(
                "a chunk holds \(ReportingProfile.Platform.chunkCodesRange.lowerBound) to \(ReportingProfile.Platform.chunkCodesRange.upperBound) codes"))
        }
        self.profile = profile
        self.chunkItems = items
        self.timeZone = timeZone
    }

    /// Queues what `destination` has not been sent of the batch, as one report; nil when
    /// there is nothing new.
    public func enqueue(batch: Int64, destination: String, in ledger: any LedgerStore) async throws -> QueuedReport? {
        let product = try profile.product(gtin: try await ledger.batch(batch).spec.gtin)
        return try await ledger.enqueueReport(batch: batch, destination: destination) { draft in
            try chunks(draft, product: product)
        }
    }

    /// The whole report of `records`, as the EPCIS export and the platform see it.
    public func batchReport(_ records: ReportableRecords) throws(ReportingError) -> BatchReport {
        let product = try profile.product(gtin: records.batch.spec.gtin)
        return BatchReport(producer: profile.producer, product: product, batch: batchInfo(records.batch),
                           codes: records.codes.map(codeRecord), voids: records.voids.map(voidRecord))
    }

    /// The chunks of one report: at most `chunkItems` items each, codes first, then voids.
    public func chunks(_ draft: ReportDraft) throws(ReportingError) -> [OutboxChunk] {
        try chunks(draft, product: try profile.product(gtin: draft.records.batch.spec.gtin))
    }

    private func chunks(_ draft: ReportDraft, product: Product) throws(ReportingError) -> [OutboxChunk] {
        let records = draft.records
        let itemCount = records.codes.count + records.voids.count
        let chunkCount = (itemCount + chunkItems - 1) / chunkItems
        let batch = batchInfo(records.batch)
        let createdAt = iso8601(draft.createdAt)
        var chunks: [OutboxChunk] = []
        chunks.reserveCapacity(chunkCount)
        for index in 0..<chunkCount {
            let items = index * chunkItems..<min((index + 1) * chunkItems, itemCount)
            let codes = records.codes[items.clamped(to: 0..<records.codes.count)]
            let voidItems = items.clamped(to: records.codes.count..<itemCount)
            let voids = records.voids[(voidItems.lowerBound - records.codes.count)..<(voidItems.upperBound - records.codes.count)]
            let chunk = ReportChunk(
                report: ReportHeader(id: "\(draft.station)-\(draft.number)", chunk: index + 1, chunks: chunkCount, createdAt: createdAt),
                producer: profile.producer, product: product, batch: batch,
                codes: codes.map(codeRecord), voids: voids.map(voidRecord))
            let body = try profile.platform.fieldMapping.encode(chunk)
            chunks.append(OutboxChunk(body: body, idempotencyKey: RequestSigning.idempotencyKey(body: body),
                                      codes: codes.map(\.value), voids: voids.map(\.value)))
        }
        return chunks
    }

    func batchInfo(_ batch: Batch) -> BatchInfo {
        // AI (11) is YYMMDD; the station's batches are of this century.
        let date = batch.spec.productionDate.map { "20\($0.prefix(2))-\($0.dropFirst(2).prefix(2))-\($0.suffix(2))" }
        return BatchInfo(id: batch.id, lot: batch.spec.lot, productionDate: date, quantity: batch.spec.quantity)
    }

    func codeRecord(_ code: CommissionedCode) -> CodeRecord {
        let verification: CodeRecord.Verification = switch code.state {
        case .verifiedPass: .pass
        case .verifiedFail: .fail
        case .unconfirmed: .unconfirmed
        default: .unverified
        }
        return CodeRecord(scheme: code.scheme, code: code.value, payload: code.elementString, printedAt: iso8601(code.printedAt),
                          line: code.station, verification: verification)
    }

    func voidRecord(_ code: VoidedCode) -> VoidRecord {
        VoidRecord(scheme: code.scheme, code: code.value, voidedAt: iso8601(code.voidedAt), reason: code.reason, replacedBy: code.replacedBy)
    }

    /// `2025-03-01T08:00:00.123+08:00`: milliseconds since 1970 UTC in the plant's zone. Built
    /// by hand, as a report formats one per code.
    public func iso8601(_ milliseconds: Int64) -> String {
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(milliseconds) / 1000)))
        let local = milliseconds + offset * 1000
        let (seconds, millisecond) = Self.floorDivision(local, 1000)
        let (days, secondOfDay) = Self.floorDivision(seconds, 86_400)
        // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "civil_from_days").
        let shifted = days + 719_468
        let era = Self.floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let sign = offset < 0 ? "-" : "+"
        return "\(Self.digits(year, 4))-\(Self.digits(month, 2))-\(Self.digits(day, 2))T\(Self.digits(secondOfDay / 3600, 2)):"
            + "\(Self.digits(secondOfDay / 60 % 60, 2)):\(Self.digits(secondOfDay % 60, 2)).\(Self.digits(millisecond, 3))"
            + "\(sign)\(Self.digits(abs(offset) / 3600, 2)):\(Self.digits(abs(offset) / 60 % 60, 2))"
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }

    private static func digits(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
