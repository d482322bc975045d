/// How the outbox is drained: chunks in flight at once, how long one request may take, and
/// how long to wait before trying a chunk again.
///
/// Waits grow exponentially with "full jitter" (a uniform draw between zero and the
/// exponential bound), so stations that failed together do not retry together.
public struct DeliveryPolicy: Sendable, Hashable {
    public var concurrency: Int
    public var requestTimeout: Duration
    public var initialBackoff: Duration
    public var maximumBackoff: Duration
    /// Failed attempts at one chunk in one run before it is left pending for a later run.
    public var maximumAttempts: Int

    public init(concurrency: Int = 4, requestTimeout: Duration = .seconds(10), initialBackoff: Duration = .milliseconds(200),
                maximumBackoff: Duration = .seconds(30), maximumAttempts: Int = 10) {
        self.concurrency = concurrency
        self.requestTimeout = requestTimeout
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.maximumAttempts = maximumAttempts
    }

    /// The profile's platform settings.
    public init(_ platform: ReportingProfile.Platform) {
        self.init(concurrency: platform.concurrency, requestTimeout: platform.requestTimeout,
                  initialBackoff: platform.retry.initialBackoff, maximumBackoff: platform.retry.maximumBackoff,
                  maximumAttempts: platform.retry.maximumAttempts)
    }

    /// The bound on the wait after `failures` failed attempts (1, 2, …): initial × 2^(failures−1),
    /// at most `maximumBackoff`.
    public func backoffCeiling(afterFailures failures: Int) -> Duration {
        let doublings = max(0, min(failures - 1, 62))
        let initial = initialBackoff.wholeMilliseconds, maximum = maximumBackoff.wholeMilliseconds
        guard initial > 0 else { return .zero }
        return .milliseconds(doublings >= 62 || initial > maximum >> doublings ? maximum : initial << doublings)
    }

    /// The wait after `failures` failed attempts: uniform in [0, ceiling], in whole milliseconds.
    public func backoff(afterFailures failures: Int, using random: inout some RandomNumberGenerator) -> Duration {
        .milliseconds(Int64.random(in: 0...backoffCeiling(afterFailures: failures).wholeMilliseconds, using: &random))
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
