import Prometheus

/// The station's Prometheus metrics, in a registry of its own: each app (and each test) has
/// its own counts, and nothing depends on a process-wide `MetricsSystem.bootstrap`.
///
/// The line workflow feeds the label and printer metrics through the methods below; the HTTP
/// layer records request latency and the verdicts of uploaded images.
public final class StationMetrics: Sendable {
    /// Metric names, shared by the code, the tests and `docs/http-api.md`.
    public enum Name {
        public static let labelsPrinted = "tracestation_labels_printed_total"
        public static let labelsVerified = "tracestation_labels_verified_total"
        public static let labelsVoided = "tracestation_labels_voided_total"
        public static let printerFaults = "tracestation_printer_faults_total"
        public static let queueDepth = "tracestation_print_queue_depth"
        public static let labelLatency = "tracestation_label_latency_seconds"
        public static let requestDuration = "tracestation_http_request_duration_seconds"
        public static let requests = "tracestation_http_requests_total"
    }

    /// Upper bounds of the request latency buckets.
    public static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    public let registry: PrometheusCollectorRegistry

    /// Every line's series start at 0, so a dashboard sees the line before its first label.
    public init(lines: [String]) {
        registry = PrometheusCollectorRegistry()
        for line in lines {
            _ = counter(Name.labelsPrinted, help: "Labels the printer confirmed.", ["line": line])
            _ = counter(Name.labelsVerified, help: "Labels verified, by result.", ["line": line, "result": "pass"])
            _ = counter(Name.labelsVerified, help: "Labels verified, by result.", ["line": line, "result": "fail"])
            _ = counter(Name.labelsVoided, help: "Labels voided.", ["line": line])
            _ = counter(Name.printerFaults, help: "Faults the printer reported.", ["line": line])
            setQueueDepth(0, line: line)
        }
    }

    /// A factory over this registry, for swift-metrics users that take one explicitly
    /// (`Counter(label:dimensions:factory:)`).
    public func makeFactory() -> PrometheusMetricsFactory {
        PrometheusMetricsFactory(registry: registry)
    }

    public func labelPrinted(line: String, count: Int = 1) {
        counter(Name.labelsPrinted, help: "Labels the printer confirmed.", ["line": line]).increment(by: Int64(count))
    }

    public func labelVerified(line: String, passed: Bool, count: Int = 1) {
        counter(Name.labelsVerified, help: "Labels verified, by result.", ["line": line, "result": passed ? "pass" : "fail"])
            .increment(by: Int64(count))
    }

    public func labelVoided(line: String, count: Int = 1) {
        counter(Name.labelsVoided, help: "Labels voided.", ["line": line]).increment(by: Int64(count))
    }

    public func printerFault(line: String, count: Int = 1) {
        counter(Name.printerFaults, help: "Faults the printer reported.", ["line": line]).increment(by: Int64(count))
    }

    /// Upper bounds of the label latency buckets: a thermal printer takes a few hundred
    /// milliseconds a label, a camera verdict some more; seconds mean a queue or a fault.
    public static let labelLatencyBuckets: [Duration] = [
        .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
    ]

    /// One label settled (verified, or printed on a line that does not verify), `latency`
    /// after it went to the printer.
    public func labelSettled(line: String, latency: Duration, passed: Bool) {
        registry.makeDurationHistogram(
            descriptor: Self.descriptor(Name.labelLatency, help: "From a label going to the printer to its verdict (or print proof), by result."),
            labels: [("line", line), ("result", passed ? "pass" : "fail")], buckets: Self.labelLatencyBuckets
        ).record(latency)
    }

    /// Labels queued for the line's printer and not yet proven printed.
    public func setQueueDepth(_ depth: Int, line: String) {
        registry.makeGauge(descriptor: Self.descriptor(Name.queueDepth, help: "Labels queued for the printer, not yet proven printed."),
                           labels: [("line", line)]).set(Int64(depth))
    }

    /// One answered request: `route` is the route's template (`/api/v1/batches/{batch}`), so
    /// every batch shares one series.
    public func requestAnswered(method: String, route: String, status: Int, duration: Duration) {
        registry.makeDurationHistogram(
            descriptor: Self.descriptor(Name.requestDuration, help: "HTTP request latency, by method and route."),
            labels: [("method", method), ("route", route)], buckets: Self.latencyBuckets
        ).record(duration)
        counter(Name.requests, help: "HTTP requests answered, by method, route and status.",
                ["method": method, "route": route, "status": String(status)]).increment()
    }

    /// The Prometheus text exposition format (0.0.4).
    public func exposition() -> String {
        registry.emitToString()
    }

    private func counter(_ name: String, help: String, _ labels: KeyValuePairs<String, String>) -> Counter {
        registry.makeCounter(descriptor: Self.descriptor(name, help: help), labels: labels.map { ($0.key, $0.value) })
    }

    /// The full name is passed as the metric name, so the names above are exactly what is exposed.
    private static func descriptor(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
