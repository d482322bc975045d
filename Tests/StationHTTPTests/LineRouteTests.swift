import Foundation
import Ledger
import Station
import Testing

@Suite("Line routes over running lines", .serialized)
struct LineRouteTests {
    /// Polls the line until `condition` holds, failing rather than hanging.
    static func waitFor(_ client: APIHarness.Client, _ line: String = "line-1",
                        _ condition: ([String: Any]) -> Bool) async throws -> [String: Any] {
        for _ in 0..<2400 {
            let body = try await client.get("/api/v1/lines/\(line)", as: .operator_).json
            if condition(body) { return body }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("line \(line) never reached the state the test waits for")
        return [:]
    }

    @Test("Start a batch, follow it to the end, and find its counts in the line, the ledger and the metrics")
    func continuousRun() async throws {
        let harness = try await APIHarness().runningLines(1)
        let batch = try await harness.createBatch(quantity: 12)
        try await harness.test { client in
            let list = try await client.get("/api/v1/lines", as: .operator_)
            let lines = try #require(list.json["lines"] as? [[String: Any]])
            #expect(lines.map { $0["line"] as? String } == ["line-1", "line-2"])
            #expect(lines[0]["state"] as? String == "idle" && lines[1]["state"] as? String == "unavailable")

            let started = try await client.post("/api/v1/lines/line-1/start", as: .operator_, json: #"{"batch":\#(batch),"count":12}"#)
            #expect(started.status == 202, "\(started.text)")
            #expect(started.json["batch"] as? Int == Int(batch) && started.json["target"] as? Int == 12)
            #expect(started.json["mode"] as? String == "continuous")
            let finishContinuous = try await client.send(.post, "/api/v1/lines/line-1/finish", as: .operator_)
            #expect(finishContinuous.status == 409 && finishContinuous.error?.message.contains("not in trigger mode") == true)
            let again = try await client.post("/api/v1/lines/line-1/start", as: .operator_, json: #"{"batch":\#(batch),"count":1}"#)
            #expect(again.status == 409 && again.error?.error == "line-refused")

            let done = try await Self.waitFor(client) { $0["state"] as? String == "idle" && $0["good"] as? Int == 12 }
            #expect(done["printed"] as? Int == 12 && done["verified_pass"] as? Int == 12 && done["remaining"] as? Int == 0)
            let verdicts = try #require(done["verdicts"] as? [[String: Any]])
            #expect(verdicts.count == 12 && verdicts.allSatisfy { $0["passed"] as? Bool == true && $0["grade"] is String })
            #expect((done["label_images"] as? [String])?.allSatisfy { $0.hasPrefix("label-") && $0.hasSuffix(".png") } == true)

            let printer = try await client.get("/api/v1/lines/line-1/printer", as: .operator_)
            #expect(printer.json["connected"] as? Bool == true && printer.json["state"] as? String == "ready")
            #expect(printer.json["in_printer"] as? Int == 0)

            let counts = try await harness.ledger.reconcile(batch: batch)
            #expect(counts.verifiedPass == 12 && counts.isBalanced)
            // The metrics follow the line's counts; give the follower a moment to catch up.
            var metrics = ""
            for _ in 0..<200 {
                metrics = try await client.get("/metrics").text
                if metrics.contains(#"tracestation_labels_printed_total{line="line-1"} 12"#) { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(metrics.contains(#"tracestation_labels_printed_total{line="line-1"} 12"#))
            #expect(metrics.contains(#"tracestation_labels_verified_total{line="line-1",result="pass"} 12"#))
            #expect(metrics.contains(#"tracestation_print_queue_depth{line="line-1"} 0"#))
        }
        await harness.stopLines()
    }

    @Test("A start is refused with the rule it breaks, naming the field")
    func startRefusals() async throws {
        let harness = try await APIHarness().runningLines(1)
        let open = try await harness.createBatch(quantity: 5)
        let closed = try await harness.createBatch(quantity: 5)
        _ = try await harness.ledger.close(batch: closed, signer: CheckpointSigner(), override: nil)
        try await harness.test { client in
            let cases: [(line: String, body: String, status: Int, error: String)] = [
                ("line-1", #"{"batch":\#(open)}"#, 422, "missing-field"),
                ("line-1", #"{"batch":\#(open),"count":0}"#, 422, "invalid-field"),
                ("line-1", #"{"batch":\#(open),"count":3,"mode":"trigger"}"#, 422, "invalid-field"),
                ("line-1", #"{"batch":\#(open),"count":3,"mode":"sideways"}"#, 422, "invalid-field"),
                ("line-1", #"{"batch":\#(open),"count":3,"speed":9}"#, 422, "unknown-field"),
                ("line-1", #"{"batch":-1,"count":3}"#, 422, "invalid-field"),
                ("line-1", #"{"batch":999,"count":3}"#, 404, "batch-not-found"),
                ("line-1", #"{"batch":\#(closed),"count":3}"#, 409, "batch-closed"),
                ("line-9", #"{"batch":\#(open),"count":3}"#, 404, "line-not-found"),
                ("line-2", #"{"batch":\#(open),"count":3}"#, 503, "line-not-running"),
            ]
            for item in cases {
                let answer = try await client.post("/api/v1/lines/\(item.line)/start", as: .operator_, json: item.body)
                #expect(answer.status == item.status && answer.error?.error == item.error, "\(item.body) → \(answer.status) \(answer.text)")
            }
            let anonymous = try await client.post("/api/v1/lines/line-1/start", as: nil, json: #"{"batch":\#(open),"count":3}"#)
            #expect(anonymous.status == 401)
            #expect(try await client.get("/api/v1/lines/line-1", as: .operator_).json["state"] as? String == "idle")
        }
        await harness.stopLines()
    }

    @Test("Pause holds the line and resume finishes the batch; an alarm is cleared by a lead, not an operator")
    func pauseResumeAndAlarm() async throws {
        let harness = try await APIHarness().runningLines(1, faults: ["damage-label=1,2,3"])
        let batch = try await harness.createBatch(quantity: 20)
        try await harness.test { client in
            _ = try await client.post("/api/v1/lines/line-1/start", as: .operator_, json: #"{"batch":\#(batch),"count":6}"#)
            let stopped = try await Self.waitFor(client) { $0["state"] as? String == "stopped" }
            #expect((stopped["reason"] as? String)?.contains("in a row failed verification") == true)
            let byOperator = try await client.send(.post, "/api/v1/lines/line-1/resume", as: .operator_)
            #expect(byOperator.status == 403 && byOperator.error?.message.contains("only a lead") == true)
            let byLead = try await client.send(.post, "/api/v1/lines/line-1/resume", as: .lead)
            #expect(byLead.status == 200 && byLead.json["state"] as? String != "stopped")

            // The lead's acknowledgement goes on with the labels still owed; pause and resume hold it.
            let paused = try await client.send(.post, "/api/v1/lines/line-1/pause", as: .operator_)
            #expect(paused.status == 200)
            if paused.json["state"] as? String == "paused" {
                #expect((paused.json["reason"] as? String)?.contains("operator") == true)
                let resumed = try await client.send(.post, "/api/v1/lines/line-1/resume", as: .operator_)
                #expect(resumed.status == 200 && resumed.json["state"] as? String == "running")
            }
            let done = try await Self.waitFor(client) { $0["state"] as? String == "idle" }
            #expect(done["state"] as? String == "idle")
            let counts = try await harness.ledger.reconcile(batch: batch)
            #expect(counts.verifiedPass == 6 && counts.voided == 3 && counts.isBalanced, "\(counts.table)")
        }
        await harness.stopLines()
    }

    @Test("In trigger mode each trigger prints one label; finish ends the run; a trigger outside it is refused")
    func triggers() async throws {
        let harness = try await APIHarness().runningLines(1)
        let batch = try await harness.createBatch(quantity: 10)
        try await harness.test { client in
            let early = try await client.send(.post, "/api/v1/lines/line-1/triggers", as: .operator_)
            #expect(early.status == 409 && early.error?.message.contains("not in trigger mode") == true)
            let idleFinish = try await client.send(.post, "/api/v1/lines/line-1/finish", as: .operator_)
            #expect(idleFinish.status == 409)

            let started = try await client.post("/api/v1/lines/line-1/start", as: .operator_, json: #"{"batch":\#(batch),"mode":"trigger"}"#)
            #expect(started.status == 202 && started.json["target"] as? Int == 0 && started.json["mode"] as? String == "trigger")
            for expected in 1...3 {
                let trigger = try await client.send(.post, "/api/v1/lines/line-1/triggers", as: .operator_)
                #expect(trigger.status == 202 && trigger.json["target"] as? Int == expected)
            }
            _ = try await Self.waitFor(client) { $0["good"] as? Int == 3 }
            #expect(try await client.get("/api/v1/lines/line-1", as: .operator_).json["state"] as? String == "running")
            let finish = try await client.send(.post, "/api/v1/lines/line-1/finish", as: .operator_)
            #expect(finish.status == 202)
            let done = try await Self.waitFor(client) { $0["state"] as? String == "idle" }
            #expect(done["good"] as? Int == 3 && done["printed"] as? Int == 3)
        }
        await harness.stopLines()
    }
}
