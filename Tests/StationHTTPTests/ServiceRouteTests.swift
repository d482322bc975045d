import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import StationHTTP
import Testing

@Suite("Health, metrics and unknown routes")
struct ServiceRouteTests {
    @Test("/health answers 200 with the station id and a reachable ledger")
    func health() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            let answer = try await client.get("/health")
            #expect(answer.status == 200)
            #expect(answer.json["status"] as? String == "ok" && answer.json["station_id"] as? String == "WX-01")
            #expect(answer.json["ledger_reachable"] as? Bool == true)
        }
    }

    @Test("/metrics is Prometheus text: every line's series from the start, and request latency by route template after requests")
    func metrics() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        try await harness.test { client async throws in
            _ = try await client.get("/api/v1/batches/\(batch)", as: .operator_)
            _ = try await client.get("/api/v1/batches/\(batch + 1)", as: .operator_)
            _ = try await client.get("/nowhere")
            let answer = try await client.get("/metrics")
            #expect(answer.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = answer.text
            for line in ["line-1", "line-2"] {
                #expect(text.contains(#"tracestation_labels_printed_total{line="\#(line)"} 0"#))
                #expect(text.contains(#"tracestation_printer_faults_total{line="\#(line)"} 0"#))
                #expect(text.contains(#"tracestation_print_queue_depth{line="\#(line)"} 0"#))
                #expect(text.contains(#"tracestation_labels_voided_total{line="\#(line)"} 0"#))
            }
            #expect(text.contains("# TYPE tracestation_http_request_duration_seconds histogram"))
            #expect(text.contains(#"tracestation_http_request_duration_seconds_count{method="GET",route="/api/v1/batches/{batch}"} 2"#), "\(text)")
            #expect(text.contains(#"tracestation_http_requests_total{method="GET",route="/api/v1/batches/{batch}",status="200"} 1"#))
            #expect(text.contains(#"tracestation_http_requests_total{method="GET",route="/api/v1/batches/{batch}",status="404"} 1"#))
            #expect(text.contains(#"tracestation_http_requests_total{method="GET",route="unmatched",status="404"} 1"#))
        }
    }

    @Test("The workflow's counters and queue gauge show in /metrics; two apps keep their own counts")
    func workflowMetrics() async throws {
        let first = try APIHarness(), second = try APIHarness()
        first.api.metrics.labelPrinted(line: "line-1", count: 3)
        first.api.metrics.printerFault(line: "line-2")
        first.api.metrics.setQueueDepth(7, line: "line-1")
        let text = first.api.metrics.exposition()
        #expect(text.contains(#"tracestation_labels_printed_total{line="line-1"} 3"#))
        #expect(text.contains(#"tracestation_printer_faults_total{line="line-2"} 1"#))
        #expect(text.contains(#"tracestation_print_queue_depth{line="line-1"} 7"#))
        #expect(second.api.metrics.exposition().contains(#"tracestation_labels_printed_total{line="line-1"} 0"#))
    }

    @Test("The application serves over a real socket: health open, batches behind a token")
    func liveServer() async throws {
        let harness = try APIHarness()
        try await harness.api.application(port: 0).test(.live) { client async throws in
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/api/v1/batches", method: .get).status == .unauthorized)
            let authorized = try await client.execute(uri: "/api/v1/batches", method: .get,
                                                      headers: [.authorization: "Bearer \(APIHarness.tokens[.operator_]!)"])
            #expect(authorized.status == .ok)
        }
    }

    @Test("An unknown route or method is 404 not-found as JSON, with or without a token")
    func notFound() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            for (method, path) in [(HTTPRequest.Method.get, "/api/v2/batches"), (.delete, "/api/v1/batches"), (.get, "/dashboard/nowhere")] {
                let answer = try await client.send(method, path, as: .admin)
                #expect(answer.status == 404 && answer.error?.error == "not-found", "\(method) \(path)")
                #expect(answer.error?.message.contains("/openapi.json") == true)
            }
        }
    }
}
