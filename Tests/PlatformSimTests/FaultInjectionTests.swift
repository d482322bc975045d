import AsyncHTTPClient
import Foundation
import PlatformSim
import Testing

@Suite("Injected faults: refused before storing, or stored with the acknowledgement lost")
struct FaultInjectionTests {
    static let bodies = (0..<6).map { part in
        try! ReceiverHarness.body(ReceiverHarness.chunk(serials: ReceiverHarness.serials(10, prefix: "F\(part)-"), part: part + 1))
    }

    @Test("with every request failing before storing, each is answered 503 and nothing is stored")
    func failBeforeStoring() async throws {
        try await ReceiverHarness.with(faults: ReceiverFaults(failRate: 1, afterStoreShare: 0)) { harness in
            for body in Self.bodies {
                let answer = try await harness.post(body)
                #expect(answer.status == 503)
            }
            #expect(await harness.receiver.stats() == ReceiverStats(injectedFaults: Self.bodies.count))
            let stored = try Data(contentsOf: URL(fileURLWithPath: harness.receiver.storePath))
            #expect(stored.isEmpty)
        }
    }

    @Test("with every request failing after storing, all is stored once, and each resend is a duplicate")
    func failAfterStoring() async throws {
        try await ReceiverHarness.with(faults: ReceiverFaults(failRate: 1, afterStoreShare: 1)) { harness in
            for body in Self.bodies {
                #expect(try await harness.post(body).status == 503)
            }
            #expect(await harness.receiver.stats().chunks == Self.bodies.count)
            try await harness.receiver.setFaults(.none)
            for body in Self.bodies {
                let answer = try await harness.post(body)
                #expect(answer.status == 200 && answer.json["duplicate"] as? Bool == true)
            }
            #expect(await harness.receiver.stats() == ReceiverStats(codes: 60, chunks: 6, duplicates: 6, injectedFaults: 6))
        }
    }

    @Test("a dropped connection gives the client no answer; before storing nothing is kept, after storing the chunk is")
    func droppedConnections() async throws {
        for afterStoreShare in [0.0, 1.0] {
            try await ReceiverHarness.with(faults: ReceiverFaults(dropRate: 1, afterStoreShare: afterStoreShare)) { harness in
                await #expect(throws: (any Error).self) { try await harness.post(Self.bodies[0]) }
                #expect(await harness.receiver.stats().chunks == Int(afterStoreShare))
                #expect(await harness.receiver.stats().injectedFaults == 1)
            }
        }
    }

    @Test("a platform down for a whole batch and then back takes every chunk exactly once")
    func downThenBack() async throws {
        try await ReceiverHarness.with(faults: ReceiverFaults(failRate: 0.5, dropRate: 0.5)) { harness in
            var delivered = Set<Int>()
            for (index, body) in Self.bodies.enumerated() {
                if let answer = try? await harness.post(body), answer.status == 200 {
                    delivered.insert(index)
                }
            }
            #expect(delivered.isEmpty)
            let storedWhileDown = await harness.receiver.stats().chunks
            try await harness.receiver.setFaults(.none)
            for body in Self.bodies {
                #expect(try await harness.post(body).status == 200)
            }
            let stats = await harness.receiver.stats()
            #expect(stats.codes == 60 && stats.chunks == 6 && stats.repeatedCodes == 0)
            // Chunks whose acknowledgement was lost while down come back as duplicates, and only those.
            #expect(stats.duplicates == storedWhileDown)
        }
    }

    @Test("the same seed fails the same requests")
    func seededFaults() async throws {
        func failures(seed: UInt64) async throws -> [Int] {
            let receiver = try await PlatformReceiver.start(.init(
                port: 0, storeFolder: try ReceiverHarness.temporaryFolder(), token: ReceiverHarness.token, secret: ReceiverHarness.secret,
                faults: ReceiverFaults(failRate: 0.5, afterStoreShare: 0), seed: seed))
            let harness = ReceiverHarness(receiver: receiver, folder: receiver.configuration.storeFolder)
            var statuses: [Int] = []
            for body in Self.bodies + Self.bodies {
                statuses.append(try await harness.post(body).status)
            }
            await receiver.stop()
            return statuses
        }
        let first = try await failures(seed: 42)
        #expect(try await failures(seed: 42) == first)
        #expect(first.contains(503) && first.contains(200))
    }

    @Test("fault rates outside 0...1 or adding up past 1 are refused, naming the rate")
    func invalidRates() async throws {
        for faults in [ReceiverFaults(failRate: 1.5), ReceiverFaults(dropRate: -0.1), ReceiverFaults(failRate: 0.6, dropRate: 0.6),
                       ReceiverFaults(latencyMilliseconds: -1)] {
            #expect(throws: PlatformSimError.self) { try faults.validated() }
        }
    }
}
