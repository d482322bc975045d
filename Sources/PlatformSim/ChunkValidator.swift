import Foundation
import Reporting
import TraceCodes

/// The receiver's checks on a decoded chunk: what a platform would refuse. The first problem
/// found is reported, naming its field.
public enum ChunkValidator {
    public static let codeSchemes: Set<String> = ["GS1", "ECODE", "DID", "CCC"]

    /// Decodes a body in the field names of `mapping` and checks it. Problems name fields by the
    /// station's own names.
    public static func decode(_ body: [UInt8], mapping: FieldMapping = .identity) throws(ChunkProblem) -> ReportChunk {
        let chunk: ReportChunk
        if mapping.isIdentity {
            do {
                chunk = try JSONDecoder().decode(ReportChunk.self, from: Data(body))
            } catch let error as DecodingError {
                throw problem(decoding: error)
            } catch {
                throw ChunkProblem("body", "is not JSON: \(error)")
            }
        } else {
            do {
                chunk = try mapping.decode(body)
            } catch {
                throw ChunkProblem("body", "does not read as a chunk in the mapped field names: \(error)")
            }
        }
        try validate(chunk)
        return chunk
    }

    public static func validate(_ chunk: ReportChunk) throws(ChunkProblem) {
        guard chunk.schema == ReportChunk.schemaVersion else {
            throw ChunkProblem("schema", "is \"\(chunk.schema)\"; this receiver reads \"\(ReportChunk.schemaVersion)\"")
        }
        try validate(chunk.report)
        try validate(chunk.producer)
        let gtin = try validate(chunk.product)
        try validate(chunk.batch)
        var firstIndex: [String: Int] = [:]
        for (index, record) in chunk.codes.enumerated() {
            let field = "codes[\(index)]"
            try checkCode(record.code, scheme: record.scheme, gtin: gtin, field: field)
            if let earlier = firstIndex.updateValue(index, forKey: record.code) {
                throw ChunkProblem("\(field).code", "\(record.code) appears twice in the chunk, first as codes[\(earlier)]")
            }
            try requireNonEmpty(record.payload, "\(field).payload")
            try requireNonEmpty(record.line, "\(field).line")
            try requireDateTime(record.printedAt, "\(field).printed_at")
        }
        for (index, record) in chunk.voids.enumerated() {
            let field = "voids[\(index)]"
            try checkCode(record.code, scheme: record.scheme, gtin: gtin, field: field)
            try requireDateTime(record.voidedAt, "\(field).voided_at")
            try requireNonEmpty(record.reason, "\(field).reason")
        }
        for (index, shipment) in chunk.shipments.enumerated() {
            try validate(shipment, field: "shipments[\(index)]")
        }
    }

    private static func validate(_ header: ReportHeader) throws(ChunkProblem) {
        try requireNonEmpty(header.id, "report.id")
        guard header.chunks >= 1, (1...header.chunks).contains(header.chunk) else {
            throw ChunkProblem("report.chunk", "is \(header.chunk) of \(header.chunks); chunks count from 1 to the total")
        }
        try requireDateTime(header.createdAt, "report.created_at")
    }

    private static func validate(_ producer: Producer) throws(ChunkProblem) {
        try checkUSCC(producer.uscc, "producer.uscc")
        try requireNonEmpty(producer.name, "producer.name")
        try requireNonEmpty(producer.address, "producer.address")
    }

    /// The product's GTIN, which every GS1 code in the chunk must carry.
    private static func validate(_ product: Product) throws(ChunkProblem) -> GTIN? {
        try requireNonEmpty(product.name, "product.name")
        guard codeSchemes.contains(product.codeScheme) else {
            throw ChunkProblem("product.code_scheme", "\"\(product.codeScheme)\" is not one of \(codeSchemes.sorted().joined(separator: ", "))")
        }
        if product.gtin.isEmpty, product.codeScheme != "GS1" {
            return nil
        }
        do {
            return try GTIN(product.gtin)
        } catch {
            throw ChunkProblem("product.gtin", error.description)
        }
    }

    private static func validate(_ batch: BatchInfo) throws(ChunkProblem) {
        try requireNonEmpty(batch.lot, "batch.lot")
        guard batch.quantity >= 0 else {
            throw ChunkProblem("batch.quantity", "is \(batch.quantity); it must not be negative")
        }
        if let date = batch.productionDate {
            try requireDate(date, "batch.production_date")
        }
    }

    private static func validate(_ shipment: Shipment, field: String) throws(ChunkProblem) {
        try requireNonEmpty(shipment.id, "\(field).id")
        try checkUSCC(shipment.consigneeUSCC, "\(field).consignee_uscc")
        try requireNonEmpty(shipment.consigneeName, "\(field).consignee_name")
        try requireDate(shipment.date, "\(field).date")
        if shipment.codes.isEmpty, shipment.quantity == nil {
            throw ChunkProblem("\(field).codes", "is empty and there is no quantity; a shipment names its codes or a quantity of the batch")
        }
        if let quantity = shipment.quantity, quantity < 1 {
            throw ChunkProblem("\(field).quantity", "is \(quantity); it must be at least 1")
        }
    }

    /// A GS1 code must be a Digital Link for the product's GTIN with a serial; the other
    /// schemes' formats are the issuers' and only checked for presence here.
    private static func checkCode(_ code: String, scheme: String, gtin: GTIN?, field: String) throws(ChunkProblem) {
        guard codeSchemes.contains(scheme) else {
            throw ChunkProblem("\(field).scheme", "\"\(scheme)\" is not one of \(codeSchemes.sorted().joined(separator: ", "))")
        }
        try requireNonEmpty(code, "\(field).code")
        guard scheme == "GS1" else { return }
        let elements: GS1ElementString
        do {
            elements = try GS1ElementString(digitalLink: code)
        } catch {
            throw ChunkProblem("\(field).code", error.description)
        }
        guard let itemGTIN = elements[ai: "01"] else {
            throw ChunkProblem("\(field).code", "\(code) has no GTIN (01)")
        }
        guard let gtin, itemGTIN == gtin.gtin14 else {
            throw ChunkProblem("\(field).code", "\(code) is for GTIN \(itemGTIN), not the product's \(gtin?.gtin14 ?? "(none)")")
        }
        guard elements[ai: "21"] != nil else {
            throw ChunkProblem("\(field).code", "\(code) has no serial (21)")
        }
    }

    private static func checkUSCC(_ text: String, _ field: String) throws(ChunkProblem) {
        do {
            _ = try SocialCreditCode(text)
        } catch {
            throw ChunkProblem(field, error.description)
        }
    }

    private static func requireNonEmpty(_ text: String, _ field: String) throws(ChunkProblem) {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ChunkProblem(field, "is empty")
        }
    }

    /// ISO 8601 date and time with seconds, optional fraction, and `Z` or an offset.
    private static func requireDateTime(_ text: String, _ field: String) throws(ChunkProblem) {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        guard (try? Date(text, strategy: withFraction)) != nil || (try? Date(text, strategy: .iso8601)) != nil else {
            throw ChunkProblem(field, "\"\(text)\" is not an ISO 8601 date and time such as 2026-03-01T08:30:00+08:00")
        }
    }

    /// `YYYY-MM-DD`, a real calendar day.
    private static func requireDate(_ text: String, _ field: String) throws(ChunkProblem) {
        let format = Date.ISO8601FormatStyle().year().month().day()
        guard text.count == 10, let date = try? Date(text, strategy: format), date.formatted(format) == text else {
            throw ChunkProblem(field, "\"\(text)\" is not a date YYYY-MM-DD")
        }
    }

    /// Names the field a decoding error is about, in the station's names.
    private static func problem(decoding error: DecodingError) -> ChunkProblem {
        switch error {
        case .keyNotFound(let key, let context):
            return ChunkProblem(fieldPath(context.codingPath + [key]), "is missing")
        case .typeMismatch(let type, let context):
            return ChunkProblem(fieldPath(context.codingPath), "is not \(type)")
        case .valueNotFound(let type, let context):
            return ChunkProblem(fieldPath(context.codingPath), "is null; expected \(type)")
        case .dataCorrupted(let context):
            return ChunkProblem(fieldPath(context.codingPath), "is not valid JSON: \(context.debugDescription)")
        @unknown default:
            return ChunkProblem("body", "cannot be read: \(error)")
        }
    }
}
