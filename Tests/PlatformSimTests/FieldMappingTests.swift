import Foundation
import PlatformSim
import Reporting
import Testing

@Suite("Bodies in a platform's field names")
struct FieldMappingTests {
    static let mapping = try! FieldMapping(["producer.uscc": "enterprise.creditCode", "codes.printed_at": "codes.printTime", "codes": "items"])

    @Test("a receiver with a mapping takes bodies in the mapped names and refuses them in the station's own")
    func mappedNames() async throws {
        let folder = try ReceiverHarness.temporaryFolder()
        let receiver = try await PlatformReceiver.start(.init(port: 0, storeFolder: folder, token: ReceiverHarness.token,
                                                              secret: ReceiverHarness.secret, seed: 1, mapping: Self.mapping))
        let harness = ReceiverHarness(receiver: receiver, folder: folder)
        let chunk = ReceiverHarness.chunk(serials: ["M1", "M2"])
        let mapped = try Self.mapping.encode(chunk)
        #expect(String(decoding: mapped, as: UTF8.self).contains("\"creditCode\""))
        let accepted = try await harness.post(mapped)
        #expect(accepted.status == 200 && accepted.json["codes"] as? Int == 2)

        let ownNames = try await harness.post(try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["M3"])))
        #expect(ownNames.status == 422 && ownNames.json["field"] as? String == "body")
        await receiver.stop()
        #expect(await receiver.stats().codes == 2)
    }

    @Test("a mapped body that breaks a rule is refused with the field in the station's names")
    func mappedProblem() throws {
        var chunk = ReceiverHarness.chunk(serials: ["M4"])
        chunk.producer.uscc = "91350100M00010001A"
        let body = try Self.mapping.encode(chunk)
        #expect {
            _ = try ChunkValidator.decode(body, mapping: Self.mapping)
        } throws: { error in
            (error as? ChunkProblem)?.field == "producer.uscc"
        }
    }
}
