import Ledger

/// How a station takes part in the plant view: how often it publishes its lines to the shared
/// ledger, how old a published line may be before it shows as not reporting, and the clock
/// both read (a test's own, so staleness is tested without waiting).
///
/// Stations compare their own clocks with each other's timestamps, so a plant keeps its
/// stations' clocks in step (NTP); `staleAfter` is well above one publish for that reason too.
public struct PlantOptions: Sendable {
    public var publishInterval: Duration
    public var staleAfter: Duration
    /// Now, in ms since 1970 UTC.
    public var clock: @Sendable () -> Int64

    public init(publishInterval: Duration = .seconds(1), staleAfter: Duration = .seconds(10),
                clock: @escaping @Sendable () -> Int64 = { Timestamp.now() }) {
        self.publishInterval = publishInterval
        self.staleAfter = staleAfter
        self.clock = clock
    }

    var staleAfterMilliseconds: Int64 {
        let (seconds, attoseconds) = staleAfter.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
