import Foundation
import Ledger
import PropertyBased
import Station
import Testing

@Suite("Trigger port over loopback TCP", .serialized)
struct TriggerServerTests {
    /// A line in trigger mode with its trigger port on a free loopback port.
    static func triggeredLine(quantity: Int, verified: Bool = true) async throws -> (LineFixture, TriggerServer) {
        let line = try await LineFixture.start(quantity: quantity) { settings, _ in
            if !verified { settings.verification = .none }
        }
        try await line.workflow.startTriggered(batch: line.batch.id)
        return (line, try await TriggerServer.start(for: line.workflow, port: 0))
    }

    @Test("Each line a PLC sends prints one label, verified; blank lines and CR LF are taken in stride")
    func linesPrintLabels() async throws {
        let (line, server) = try await Self.triggeredLine(quantity: 6)
        defer { Task { await server.close(); await line.finish() } }
        #expect(server.port > 0 && server.host == "127.0.0.1")
        let replies = try await PLC.exchange(port: server.port, Array("item-1\nitem-2\r\n\n  \r\n\t\n3\n4\r\n5\n6\n".utf8))
        #expect(replies == (1...6).map { "OK \($0)" })
        let workflow = line.workflow
        let status = try await withDeadline { await workflow.finishTriggered() }
        #expect(status.state == .idle && status.good == 6 && status.printed == 6 && status.verifiedPass == 6)
        #expect(await workflow.virtualPrinter?.odometer == 6)
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.issued == 6 && counts.verifiedPass == 6 && counts.isBalanced, "\(counts.table)")
    }

    @Test("Triggers while the line is paused are answered OK, kept, and printed once it resumes")
    func triggersWhilePaused() async throws {
        let (line, server) = try await Self.triggeredLine(quantity: 5)
        defer { Task { await server.close(); await line.finish() } }
        let workflow = line.workflow
        #expect(try await PLC.exchange(port: server.port, lines: ["a", "b"]) == ["OK 1", "OK 2"])
        _ = try await waitFor(workflow) { $0.good == 2 }
        try await workflow.pause()
        #expect(try await PLC.exchange(port: server.port, lines: ["c", "d", "e"]) == ["OK 3", "OK 4", "OK 5"])
        let paused = await workflow.snapshot
        #expect(paused.state == .paused(reason: "paused by the operator") && paused.target == 5 && paused.good == 2)
        try await workflow.resume()
        let status = try await withDeadline { await workflow.finishTriggered() }
        #expect(status.good == 5 && status.printed == 5)
        #expect(await workflow.virtualPrinter?.odometer == 5)
    }

    @Test("A trigger when the line is not in trigger mode is answered ERR with the line's reason, and prints nothing")
    func notInTriggerMode() async throws {
        let line = try await LineFixture.start(quantity: 3)
        let server = try await TriggerServer.start(for: line.workflow, port: 0)
        defer { Task { await server.close(); await line.finish() } }
        let replies = try await PLC.exchange(port: server.port, lines: ["a", "b"])
        #expect(replies.count == 2)
        #expect(replies.allSatisfy { $0.hasPrefix("ERR line line-t: the line is not in trigger mode") }, "\(replies)")
        let workflow = line.workflow
        try await workflow.startTriggered(batch: line.batch.id)
        #expect(try await PLC.exchange(port: server.port, lines: ["c"]) == ["OK 1"])
        _ = try await withDeadline { await workflow.finishTriggered() }
        #expect(try await PLC.exchange(port: server.port, lines: ["d"]).first?.hasPrefix("ERR") == true)
        #expect(await workflow.virtualPrinter?.odometer == 1)
    }

    @Test("A line of 256 bytes is a trigger; a longer one is refused and its connection closed, other PLCs unaffected")
    func overlongLine() async throws {
        let (line, server) = try await Self.triggeredLine(quantity: 4)
        defer { Task { await server.close(); await line.finish() } }
        let longest = String(repeating: "x", count: TriggerServer.maximumLineLength)
        #expect(try await PLC.exchange(port: server.port, lines: ["a", longest + "\r"]) == ["OK 1", "OK 2"])
        let replies = try await PLC.exchange(port: server.port, lines: ["b", longest + "y", "never"])
        #expect(replies.count == 2 && replies.first == "OK 3", "\(replies)")
        #expect(replies.last?.hasPrefix("ERR line longer than 256 bytes") == true, "\(replies)")
        // No newline at all: refused as soon as the line is too long, not when it ends.
        let endless = try await PLC.exchange(port: server.port, Array(repeating: UInt8(ascii: "z"), count: 4096))
        #expect(endless.count == 1 && endless.first?.hasPrefix("ERR line longer") == true, "\(endless)")
        #expect(try await PLC.exchange(port: server.port, lines: ["c"]) == ["OK 4"])
        let status = try await withDeadline { await line.workflow.finishTriggered() }
        #expect(status.target == 4 && status.good == 4)
    }

    @Test("A PLC that hangs up mid-line loses none of the lines it finished; half a line is no trigger")
    func hangUpMidLine() async throws {
        let (line, server) = try await Self.triggeredLine(quantity: 4)
        defer { Task { await server.close(); await line.finish() } }
        let workflow = line.workflow
        _ = try await PLC.exchange(port: server.port, Array("a\nb\nhal".utf8), hangUp: true)
        _ = try await waitFor(workflow) { $0.target == 2 }
        #expect(try await PLC.exchange(port: server.port, lines: ["c"]) == ["OK 3"])
        let status = try await withDeadline { await workflow.finishTriggered() }
        #expect(status.target == 3 && status.good == 3)
    }

    @Test("Several PLCs at once: every line is one label, each answered with its own place in the run")
    func concurrentClients() async throws {
        let (line, server) = try await Self.triggeredLine(quantity: 20)
        defer { Task { await server.close(); await line.finish() } }
        let port = server.port
        let replies = try await withThrowingTaskGroup(of: [String].self) { group in
            for client in 0..<4 {
                group.addTask { try await PLC.exchange(port: port, lines: (0..<5).map { "plc-\(client)-item-\($0)" }) }
            }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(replies.allSatisfy { $0.count == 5 }, "\(replies)")
        // Each client's answers rise: its lines were triggered in the order it sent them.
        let targets = replies.map { $0.compactMap { $0.hasPrefix("OK ") ? Int($0.dropFirst(3)) : nil } }
        #expect(targets.allSatisfy { $0 == $0.sorted() && $0.count == 5 }, "\(replies)")
        #expect(targets.flatMap { $0 }.sorted() == Array(1...20))
        let status = try await withDeadline { await line.workflow.finishTriggered() }
        #expect(status.good == 20 && status.verifiedPass == 20)
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.verifiedPass == 20 && counts.isBalanced, "\(counts.table)")
    }

    @Test("Closing the port lets go of the PLCs still connected, after answering what they sent")
    func closeWithPLCConnected() async throws {
        let (line, server) = try await Self.triggeredLine(quantity: 2)
        defer { Task { await line.finish() } }
        let port = server.port
        let waiting = Task { try await PLC.exchange(port: port, Array("a\n".utf8), staying: true) }
        _ = try await waitFor(line.workflow) { $0.target == 1 }
        try await withDeadline { await server.close() }
        #expect(try await waiting.value == ["OK 1"])
        await #expect(throws: PLC.Failure.self) { _ = try await PLC.exchange(port: port, lines: ["b"]) }
        #expect(await line.workflow.snapshot.target == 1)
    }

    /// Random bytes, in runs that sometimes end with LF and sometimes run past the limit.
    static let garbage = zip(Gen.uint8().array(of: 0...300), Gen.bool).array(of: 0...5).map { runs in
        runs.flatMap { bytes, ends in ends ? bytes + [UInt8(ascii: "\n")] : bytes }
    }

    @Test("Random bytes never crash the port, and trigger exactly the non-blank lines before any refused one")
    func garbageBytes() async throws {
        let (line, server) = try await Self.triggeredLine(quantity: 400, verified: false)
        defer { Task { await server.close(); await line.finish() } }
        let workflow = line.workflow, port = server.port
        await propertyCheck(count: 25, input: Self.garbage) { bytes in
            let before = await workflow.snapshot.target
            let expected = Self.expectedTriggers(bytes)
            guard let replies = try? await PLC.exchange(port: port, bytes) else {
                Issue.record("the station did not answer \(bytes)")
                return
            }
            let triggered = await workflow.snapshot.target - before
            let newlines = bytes.filter { $0 == UInt8(ascii: "\n") }.count
            #expect(triggered <= newlines, "more labels than lines")
            #expect(triggered == expected.triggers && replies.count == expected.triggers + (expected.refused ? 1 : 0),
                    "\(replies) for \(bytes)")
            #expect(replies.prefix(expected.triggers).allSatisfy { $0.hasPrefix("OK ") }, "\(replies)")
        }
        #expect(try await PLC.exchange(port: port, lines: ["still here"]).first?.hasPrefix("OK ") == true)
        let status = try await withDeadline { await workflow.finishTriggered() }
        #expect(status.good == status.target)
    }

    /// What the trigger port's rules say the bytes are worth: each finished line that holds
    /// more than spaces and tabs is one trigger, until a line over the limit ends it all.
    static func expectedTriggers(_ bytes: [UInt8]) -> (triggers: Int, refused: Bool) {
        let limit = TriggerServer.maximumLineLength
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let tail = lines.removeLast()
        var triggers = 0
        for line in lines {
            let text = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard text.count <= limit else { return (triggers, true) }
            if text.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) { triggers += 1 }
        }
        return (triggers, tail.count > limit + 1)
    }
}
