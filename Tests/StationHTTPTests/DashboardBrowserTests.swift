import Foundation
import Hummingbird
import HummingbirdTesting
import Station
import Testing

@Suite("The dashboard in a browser")
struct DashboardBrowserTests {
    /// What one load of the page showed, read from the DOM the browser dumped.
    struct Dump {
        let dom: String
        /// The line's printed counter (the page shows one line).
        let printed: Int?
        let state: String?
        /// Set by the page's script: the polls that updated the page, and the last one's moment.
        let polls: Int
        let updated: String?

        init(_ dom: String) throws {
            func capture(_ pattern: String) throws -> String? {
                try dom.firstMatch(of: Regex(pattern))?.output[1].substring.map(String.init)
            }
            self.dom = dom
            printed = try capture(#"data-field="printed">([0-9]+)<"#).flatMap { Int($0) }
            state = try capture(#"data-field="state">([^<]*)<"#)
            polls = try capture(#"<body[^>]* data-polls="([0-9]+)""#).flatMap { Int($0) } ?? 0
            updated = try capture(#"<body[^>]* data-updated="([^"]+)""#)
        }
    }

    @Test("Headless Chromium shows the Chinese page; its script polls and updates it; the printed counter moves while a batch prints")
    func countersMove() async throws {
        let chromium = try HeadlessChromium.installed()
        try await APIHarness(lines: [LineSettings(id: "line-1")]).withRunningLines { harness in
            let line = try #require(harness.api.lines["line-1"])
            let batch = try await harness.createBatch(quantity: 200)
            try await withLiveServer(harness.api) { port in
                let client = TestClient(host: "127.0.0.1", port: port)
                client.connect()
                do {
                    func post(_ path: String) async throws -> Int {
                        let headers: HTTPFields = [.authorization: "Bearer \(APIHarness.tokens[.operator_]!)", .contentType: "application/json"]
                        let body = path.hasSuffix("/start") ? #"{"batch":\#(batch),"count":200}"# : "{}"
                        return Int(try await client.post(path, headers: headers, body: ByteBuffer(string: body)).status.code)
                    }
                    func load() async throws -> Dump {
                        try Dump(try await chromium.dumpDOM("http://127.0.0.1:\(port)/dashboard?lang=zh"))
                    }

                    // Paused early in a long batch, the line holds still while the browser first looks.
                    #expect(try await post("/api/v1/lines/line-1/start") == 202)
                    #expect(try await post("/api/v1/lines/line-1/pause") == 200)
                    let first = try await load()
                    let before = try #require(first.printed, "no printed counter in \(first.dom.prefix(3000))")
                    #expect(first.dom.contains("产线看板") && first.dom.contains("已打印") && first.state == "已暂停")
                    #expect(first.dom.contains("<section class=\"line\" data-line=\"line-1\" data-batch=\"\(batch)\" data-state=\"paused\""))
                    // The script ran: it polled the status JSON and wrote what it said into the page.
                    #expect(first.polls >= 1 && first.updated != nil)

                    let paused = await line.snapshot.printed
                    #expect(paused >= before && paused < 200)
                    #expect(try await post("/api/v1/lines/line-1/resume") == 200)
                    _ = try await waitFor(line, "a label printed after the resume") { $0.printed > paused && !$0.lastLabelImages.isEmpty }

                    let second = try await load()
                    let after = try #require(second.printed)
                    #expect(after > before, "printed \(before), then \(after)")
                    #expect(second.state == "运行中" || second.state == "空闲")
                    #expect(second.polls >= 1 && second.updated != nil && second.updated != first.updated)
                    #expect(second.dom.contains("<img src=\"/dashboard/lines/line-1/labels/label-"))
                } catch {
                    try? await client.shutdown()
                    throw error
                }
                try await client.shutdown()
            }
        }
    }
}
