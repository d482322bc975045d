import Foundation
import Ledger
import PlatformSim
import Reporting
import Testing
import TraceCodes

/// Delivery from a real ledger file to the reference receiver on loopback, while the receiver
/// fails on purpose. Whatever the faults, the receiver must end up holding every commissioned
/// code exactly once, and the ledger must count as acknowledged exactly what it reported.
@Suite("Delivery under faults", .serialized)
struct DeliveryFaultTests {
    @Test("The platform down for a whole batch, then back: everything is delivered exactly once")
    func platformDownThenBack() async throws {
        let harness = try await DeliveryHarness(faults: ReceiverFaults(failRate: 1))
        let (batch, codes) = try await harness.printedBatch(400)
        let queued = try #require(try await harness.builder.enqueue(batch: batch, destination: harness.destination, in: harness.ledger))
        #expect(queued.chunks == 8)

        // Three tries per chunk, then the run gives up for now and leaves them pending.
        var threeTries = DeliveryHarness.quickPolicy
        threeTries.maximumAttempts = 3
        let down = try await harness.deliverer(threeTries).run(random: SplitMix64(seed: 1))
        #expect(down.chunksDelivered == 0)
        #expect(down.retries == 8 * 3)
        var counts = try await harness.ledger.reconcile(batch: batch)
        #expect((counts.reported, counts.acknowledged) == (400, 0))
        #expect(try await harness.ledger.outboxStatus(destination: nil).chunks(.pending) == 8)

        try await harness.receiver.setFaults(.none)
        let back = try await harness.deliverer().run(random: SplitMix64(seed: 2))
        #expect(back.chunksDelivered == 8)
        counts = try await harness.ledger.reconcile(batch: batch)
        #expect((counts.reported, counts.acknowledged) == (400, 400))
        let stats = await harness.receiver.stats()
        #expect(stats.codes == 400)
        #expect(stats.repeatedCodes == 0)
        // Half the injected failures came after storing: those chunks come back as duplicates.
        #expect(stats.chunks == 8)
        #expect(try harness.storedCodes().sorted() == codes.sorted())
        #expect(try await harness.ledger.verifyAudit(trustedKey: nil).isIntact)
        try await harness.stop()
    }

    @Test("30% 5xx, dropped connections and timeouts over 100,000 codes: the receiver counts each code exactly once")
    func hundredThousandCodesUnderFaults() async throws {
        let harness = try await DeliveryHarness(faults: ReceiverFaults(failRate: 0.3, dropRate: 0.05, afterStoreShare: 0.5),
                                                chunkItems: 1000, requestTimeout: .seconds(1))
        let (batch, codes) = try await harness.printedBatch(100_000)
        try #require(try await harness.builder.enqueue(batch: batch, destination: harness.destination, in: harness.ledger) != nil)

        // Some requests outlast the client's timeout: the latency switches on and off while
        // the outbox drains, so some answers come too late and their chunks are sent again.
        let slowdown = Task {
            var slow = false
            while !Task.isCancelled {
                slow.toggle()
                try? await harness.receiver.setFaults(ReceiverFaults(failRate: 0.3, dropRate: 0.05,
                                                                     latencyMilliseconds: slow ? 1500 : 0, afterStoreShare: 0.5))
                try? await Task.sleep(for: .milliseconds(slow ? 500 : 1500))
            }
        }
        // The deadline only keeps a broken build from hanging the suite; the run ends long before.
        let progress = try await harness.deliverer().run(giveUpAfter: .seconds(300), random: SplitMix64(seed: 3))
        slowdown.cancel()
        _ = await slowdown.value

        #expect(progress.chunksDelivered == 100)
        #expect(progress.retries > 0)
        let stats = await harness.receiver.stats()
        #expect(stats.codes == 100_000)
        #expect(stats.chunks == 100)
        #expect(stats.repeatedCodes == 0)
        #expect(stats.injectedFaults > 0)
        let stored = try harness.storedCodes()
        #expect(stored.count == 100_000)
        #expect(Set(stored) == Set(codes))
        let counts = try await harness.ledger.reconcile(batch: batch)
        #expect((counts.reported, counts.acknowledged) == (100_000, 100_000))
        try await harness.stop()
    }

    @Test("A refused chunk is a dead letter with the receiver's reason; requeued once the cause is fixed, it is delivered once")
    func deadLetterThenRetry() async throws {
        let wrong = PlatformCredentials(token: "demo-token", secret: Array("not-the-secret".utf8))
        let refused = try await DeliveryHarness(credentials: wrong)
        let (batch, codes) = try await refused.printedBatch(120)
        _ = try await refused.builder.enqueue(batch: batch, destination: refused.destination, in: refused.ledger)
        let first = try await refused.deliverer().run(random: SplitMix64(seed: 4))
        #expect((first.chunksDelivered, first.dead) == (0, 3))
        let status = try await refused.ledger.outboxStatus(destination: refused.destination)
        #expect(status.deadLetters.count == 3)
        #expect(status.deadLetters.allSatisfy { $0.reason.hasPrefix("HTTP 401") })
        #expect(status.deadLetters.first?.firstCode == codes[0])
        // Dead letters are not retried on their own.
        #expect(try await refused.deliverer().run(random: SplitMix64(seed: 5)).chunksDelivered == 0)

        // The cause fixed (the right secret), a lead requeues them.
        let fixed = PlatformClient(credentials: .demo, requestTimeout: .seconds(5))
        #expect(try await refused.ledger.requeueDeadLetters(destination: nil) == 3)
        let second = try await OutboxDeliverer(ledger: refused.ledger, client: fixed, policy: DeliveryHarness.quickPolicy)
            .run(random: SplitMix64(seed: 6))
        #expect((second.chunksDelivered, second.dead) == (3, 0))
        let stats = await refused.receiver.stats()
        #expect((stats.codes, stats.chunks, stats.duplicates) == (120, 3, 0))
        #expect(stats.rejected == 3)
        try await fixed.shutdown()
        try await refused.stop()
    }

    @Test("Reporting again after more labels print sends only the new codes")
    func incremental() async throws {
        let harness = try await DeliveryHarness()
        let (batch, firstCodes) = try await harness.printedBatch(130)
        let first = try #require(try await harness.builder.enqueue(batch: batch, destination: harness.destination, in: harness.ledger))
        #expect(first.codes == 130)
        _ = try await harness.deliverer().run()

        let more = try await harness.printMore(70, in: batch)
        try await harness.ledger.record([LabelChange(code: firstCodes[0], event: .voided(reason: "damaged in packing"))])
        let second = try #require(try await harness.builder.enqueue(batch: batch, destination: harness.destination, in: harness.ledger))
        #expect((second.codes, second.voids, second.chunks) == (70, 1, 2))
        _ = try await harness.deliverer().run()
        #expect(try await harness.builder.enqueue(batch: batch, destination: harness.destination, in: harness.ledger) == nil)

        let stats = await harness.receiver.stats()
        #expect((stats.codes, stats.voids, stats.repeatedCodes, stats.duplicates) == (200, 1, 0, 0))
        #expect(try harness.storedCodes().sorted() == (firstCodes + more).sorted())
        let counts = try await harness.ledger.reconcile(batch: batch)
        #expect((counts.reported, counts.acknowledged) == (200, 200))
        try await harness.stop()
    }
}
