import Foundation

/// A batch report as an EPCIS 2.0 JSON-LD document:
///
/// - one `ObjectEvent` `ADD` / `commissioning` / `active` per commissioned code, at its print
///   time, with the code's URI in `epcList`, the line as `readPoint`, the plant as
///   `bizLocation`, and the lot and production date in `ilmd`;
/// - one `ObjectEvent` `DELETE` / `decommissioning` / `inactive` per voided code;
/// - one `ObjectEvent` `OBSERVE` / `shipping` / `in_transit` per shipment (流向), with the
///   consignee (`urn:uscc:<统一社会信用代码>`) as the owning party in `destinationList`.
///
/// Every event's `eventID` is its CBV 2.0 event hash, so the same report always gives the same
/// bytes, and a receiver can recognise an event it already has. Events are written one at a
/// time, so a batch of 100,000 codes streams to a file without building the document in memory.
public struct EPCISExporter: Sendable {
    public static let context = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"

    public let settings: ReportingProfile.EPCISSettings

    public init(profile: ReportingProfile) {
        settings = profile.epcis
    }

    public init(settings: ReportingProfile.EPCISSettings) {
        self.settings = settings
    }

    /// The whole document; `createdAt` (ISO 8601 with offset) is its `creationDate`.
    public func document(for report: BatchReport, createdAt: String) throws(ReportingError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(700 * (report.codes.count + report.voids.count) + 1024)
        try write(report, createdAt: createdAt) { out.append(contentsOf: $0) }
        return out
    }

    /// Writes the document to `path`, replacing the file only when the whole document is written.
    public func write(_ report: BatchReport, createdAt: String, to path: String) throws(ReportingError) {
        let temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw ReportingError(path, .cannotWrite("cannot create \(temporary)"))
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        do {
            try write(report, createdAt: createdAt) { bytes throws(ReportingError) in
                buffer.append(contentsOf: bytes)
                if buffer.count >= 1 << 20 {
                    try Self.flush(&buffer, to: handle, path: path)
                }
            }
            try Self.flush(&buffer, to: handle, path: path)
            try handle.synchronize()
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch let error as ReportingError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ReportingError(path, .cannotWrite("\(error)"))
        }
    }

    private static func flush(_ buffer: inout [UInt8], to handle: FileHandle, path: String) throws(ReportingError) {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ReportingError(path, .cannotWrite("\(error)"))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The document in pieces, in order: the head, each event, the tail. Keys are sorted.
    private func write(_ report: BatchReport, createdAt: String,
                       _ emit: (_ bytes: [UInt8]) throws(ReportingError) -> Void) throws(ReportingError) {
        guard let created = EPCISTime.parse(createdAt) else {
            throw ReportingError("creation date \(createdAt)", .invalidTimestamp("is not ISO 8601 with an offset, e.g. 2025-03-01T08:00:05+08:00"))
        }
        var head: [UInt8] = []
        head += Array(#"{"@context":["#.utf8)
        JSONTree.writeString(Self.context, into: &head)
        head += Array(#"],"creationDate":"#.utf8)
        JSONTree.writeString(createdAt, into: &head)
        head += Array(#","epcisBody":{"eventList":["#.utf8)
        try emit(head)
        var first = true
        func event(_ tree: JSONTree) throws(ReportingError) {
            var bytes: [UInt8] = first ? [] : [UInt8(ascii: ",")]
            first = false
            tree.write(into: &bytes)
            try emit(bytes)
        }
        let place = ["id": JSONTree.string(settings.bizLocation)]
        var ilmd: [String: JSONTree] = ["cbvmda:lotNumber": .string(report.batch.lot)]
        if let date = report.batch.productionDate { ilmd["cbvmda:productionDate"] = .string(date) }
        for code in report.codes {
            let time = try Self.time(code.printedAt, of: "code \(code.code)")
            try event(Self.identified([
                "type": .string("ObjectEvent"), "eventTime": .string(code.printedAt), "eventTimeZoneOffset": .string(time.offset),
                "epcList": .array([.string(try settings.uri(scheme: code.scheme, code: code.code))]),
                "action": .string("ADD"), "bizStep": .string("commissioning"), "disposition": .string("active"),
                "readPoint": .object(["id": .string(settings.readPoint(line: code.line))]), "bizLocation": .object(place),
                "ilmd": .object(ilmd),
            ]))
        }
        for void in report.voids {
            let time = try Self.time(void.voidedAt, of: "void of \(void.code)")
            try event(Self.identified([
                "type": .string("ObjectEvent"), "eventTime": .string(void.voidedAt), "eventTimeZoneOffset": .string(time.offset),
                "epcList": .array([.string(try settings.uri(scheme: void.scheme, code: void.code))]),
                "action": .string("DELETE"), "bizStep": .string("decommissioning"), "disposition": .string("inactive"),
                "bizLocation": .object(place),
            ]))
        }
        for shipment in report.shipments {
            try event(Self.identified(try shipmentEvent(shipment, report: report, offset: created.offset)))
        }
        try emit(Array(#"]},"schemaVersion":"2.0","type":"EPCISDocument"}"#.utf8))
    }

    private func shipmentEvent(_ shipment: Shipment, report: BatchReport, offset: String) throws(ReportingError) -> [String: JSONTree] {
        let subject = "shipment \(shipment.id)"
        let time = shipment.date + "T00:00:00.000" + offset
        guard EPCISTime.parse(time) != nil else {
            throw ReportingError(subject, .invalidTimestamp("date '\(shipment.date)' is not YYYY-MM-DD"))
        }
        var fields: [String: JSONTree] = [
            "type": .string("ObjectEvent"), "eventTime": .string(time), "eventTimeZoneOffset": .string(offset),
            "action": .string("OBSERVE"), "bizStep": .string("shipping"), "disposition": .string("in_transit"),
            "bizLocation": .object(["id": .string(settings.bizLocation)]),
            "destinationList": .array([.object(["type": .string("owning_party"),
                                                 "destination": .string("urn:uscc:" + shipment.consigneeUSCC)])]),
        ]
        if shipment.codes.isEmpty {
            // Shipped by batch and quantity: the lot as a class-level Digital Link.
            let lotClass = "https://id.gs1.org/01/\(report.product.gtin)/10/" + ReportingProfile.EPCISSettings.percentEncoded(report.batch.lot)
            fields["quantityList"] = .array([.object(["epcClass": .string(lotClass), "quantity": .int(Int64(shipment.quantity ?? 0))])])
        } else {
            var uris: [JSONTree] = []
            for code in shipment.codes {
                uris.append(.string(try settings.uri(scheme: report.product.codeScheme, code: code)))
            }
            fields["epcList"] = .array(uris)
        }
        return fields
    }

    private static func time(_ text: String, of subject: String) throws(ReportingError) -> EPCISTime.Parts {
        guard let parts = EPCISTime.parse(text) else {
            throw ReportingError(subject, .invalidTimestamp("time '\(text)' is not ISO 8601 with an offset, e.g. 2025-03-01T08:00:00.000+08:00"))
        }
        return parts
    }

    /// The event with its CBV 2.0 hash as `eventID`.
    private static func identified(_ fields: [String: JSONTree]) -> JSONTree {
        var fields = fields
        fields["eventID"] = .string(CBVEventHash.eventID(of: .object(fields)))
        return .object(fields)
    }
}
