import TraceCodes

/// Failures the receiver injects on purpose, so that delivery can be tested against a platform
/// and a network that misbehave.
///
/// Each request draws once: with `failRate` it is answered 503, else with `dropRate` its
/// connection is closed without an answer. A drawn failure then comes before or after the
/// chunk is stored, by `afterStoreShare`: before, the chunk is refused; after, the chunk is
/// kept and only its acknowledgement is lost, so the station must send it again and the
/// receiver counts a duplicate.
public struct ReceiverFaults: Sendable, Hashable {
    /// Share of requests answered 503 Service Unavailable, 0...1.
    public var failRate: Double
    /// Share of requests whose connection is closed without an answer, 0...1; with
    /// `failRate`, at most 1.
    public var dropRate: Double
    /// Wait before handling each request.
    public var latencyMilliseconds: Int
    /// Of the failures drawn, the share that come after the chunk is stored, 0...1:
    /// 0 refuses every failed chunk, 1 loses every failed chunk's acknowledgement.
    public var afterStoreShare: Double

    public init(failRate: Double = 0, dropRate: Double = 0, latencyMilliseconds: Int = 0, afterStoreShare: Double = 0.5) {
        self.failRate = failRate
        self.dropRate = dropRate
        self.latencyMilliseconds = latencyMilliseconds
        self.afterStoreShare = afterStoreShare
    }

    /// A well-behaved receiver.
    public static let none = ReceiverFaults()

    /// Refuses rates outside 0...1, rates that add up past 1 and a negative latency.
    public func validated() throws(PlatformSimError) -> Self {
        for (name, rate) in [("fail rate", failRate), ("drop rate", dropRate), ("after-store share", afterStoreShare)]
        where !(0...1).contains(rate) {
            throw PlatformSimError("\(name) \(rate)", .outOfRange("must be between 0 and 1"))
        }
        guard failRate + dropRate <= 1 else {
            throw PlatformSimError("fail rate \(failRate) plus drop rate \(dropRate)", .outOfRange("must be at most 1"))
        }
        guard latencyMilliseconds >= 0 else {
            throw PlatformSimError("latency \(latencyMilliseconds) ms", .outOfRange("must not be negative"))
        }
        return self
    }
}

/// One request's share of the faults.
struct FaultDraw: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case serviceUnavailable
        case droppedConnection
    }

    var latencyMilliseconds: Int
    var kind: Kind?
    var afterStoring: Bool
}

/// Draws each request's faults from one seeded generator, so a run can be repeated.
actor FaultInjector {
    private var faults: ReceiverFaults
    private var generator: SplitMix64

    init(faults: ReceiverFaults, seed: UInt64) {
        self.faults = faults
        generator = SplitMix64(seed: seed)
    }

    func set(_ faults: ReceiverFaults) {
        self.faults = faults
    }

    func draw() -> FaultDraw {
        let roll = Double.random(in: 0..<1, using: &generator)
        let timing = Double.random(in: 0..<1, using: &generator)
        let kind: FaultDraw.Kind? = if roll < faults.failRate {
            .serviceUnavailable
        } else if roll < faults.failRate + faults.dropRate {
            .droppedConnection
        } else {
            nil
        }
        return FaultDraw(latencyMilliseconds: faults.latencyMilliseconds, kind: kind, afterStoring: timing < faults.afterStoreShare)
    }
}

