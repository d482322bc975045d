import AsyncHTTPClient
import Foundation
import PlatformSim
import Reporting

/// A receiver on a free loopback port with its own store folder, and a client that signs
/// requests as the station does.
struct ReceiverHarness {
    static let token = "test-token"
    static let secret = Array("test-secret".utf8)
    static let gtin = "06901234567892"

    struct Answer {
        let status: Int
        let body: [UInt8]

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    let receiver: PlatformReceiver
    let folder: String

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("platform-sim-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `body` against a fresh receiver, then stops it.
    static func with<T>(folder: String? = nil, faults: ReceiverFaults = .none, maximumBodyBytes: Int = 1 << 20,
                        _ body: (ReceiverHarness) async throws -> T) async throws -> T {
        let harness = try await start(folder: folder, faults: faults, maximumBodyBytes: maximumBodyBytes)
        do {
            let result = try await body(harness)
            await harness.receiver.stop()
            return result
        } catch {
            await harness.receiver.stop()
            throw error
        }
    }

    static func start(folder: String? = nil, faults: ReceiverFaults = .none, maximumBodyBytes: Int = 1 << 20) async throws -> ReceiverHarness {
        let folder = try folder ?? temporaryFolder()
        let receiver = try await PlatformReceiver.start(.init(
            port: 0, storeFolder: folder, token: token, secret: secret, faults: faults, seed: 7, maximumBodyBytes: maximumBodyBytes))
        return ReceiverHarness(receiver: receiver, folder: folder)
    }

    /// POSTs `body` signed, with each part of the signing open to a test's change.
    func post(_ body: [UInt8], token: String = Self.token, key: String? = nil, signedBody: [UInt8]? = nil,
              timestamp: Int64 = Self.now(), secret: [UInt8] = Self.secret) async throws -> Answer {
        let key = key ?? RequestSigning.idempotencyKey(body: signedBody ?? body)
        let signature = RequestSigning.signature(secret: secret, method: "POST", path: PlatformReceiver.reportsPath,
                                                 timestampMilliseconds: timestamp, idempotencyKey: key, body: signedBody ?? body)
        var request = HTTPClientRequest(url: receiver.endpoint.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: RequestSigning.idempotencyHeader, value: key)
        request.headers.add(name: RequestSigning.timestampHeader, value: String(timestamp))
        request.headers.add(name: RequestSigning.signatureHeader, value: signature)
        request.body = .bytes(body)
        return try await send(request)
    }

    func get(_ path: String) async throws -> Answer {
        try await send(HTTPClientRequest(url: "http://127.0.0.1:\(receiver.port)\(path)"))
    }

    private func send(_ request: HTTPClientRequest) async throws -> Answer {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 1 << 24)
        return Answer(status: Int(response.status.code), body: Array(buffer.readableBytesView))
    }

    static func now() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    // MARK: Chunks

    /// Valid 统一社会信用代码, check characters included.
    static let producerUSCC = "91350100M00010001T"
    static let consigneeUSCC = "91110000600037341L"

    static func code(serial: String, gtin: String = gtin) -> String {
        "https://id.gs1.org/01/\(gtin)/21/\(serial)"
    }

    /// A chunk the receiver must accept, with `serials` as its codes.
    static func chunk(serials: [String], voided: [String] = [], reportID: String = "station-1/report-1", part: Int = 1) -> ReportChunk {
        let codes = serials.map {
            CodeRecord(scheme: "GS1", code: code(serial: $0), payload: "(01)\(gtin)(21)\($0)", printedAt: "2026-03-01T08:30:00.125+08:00",
                       line: "line-1", verification: .pass)
        }
        let voids = voided.map {
            VoidRecord(scheme: "GS1", code: code(serial: $0), voidedAt: "2026-03-01T08:31:00Z", reason: "smudged", replacedBy: nil)
        }
        return ReportChunk(
            report: ReportHeader(id: reportID, chunk: part, chunks: max(part, 1), createdAt: "2026-03-01T09:00:00+08:00"),
            producer: Producer(uscc: producerUSCC, name: "示例电器有限公司", address: "福州市鼓楼区 1 号", productionLicences: ["XK06-001-00001"]),
            product: Product(gtin: gtin, name: "电热水壶", model: "K-1"),
            batch: BatchInfo(id: 1, lot: "B20260301", productionDate: "2026-03-01", quantity: 1000),
            codes: codes, voids: voids,
            shipments: [Shipment(id: "S-1", consigneeUSCC: consigneeUSCC, consigneeName: "经销商", date: "2026-03-02",
                                 quantity: 10, unit: "台")])
    }

    static func body(_ chunk: ReportChunk) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(chunk))
    }

    static func serials(_ count: Int, prefix: String = "S") -> [String] {
        (0..<count).map { "\(prefix)\($0)" }
    }
}
