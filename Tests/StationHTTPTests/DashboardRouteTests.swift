import Foundation
import Hummingbird
import Station
import Testing

@Suite("The dashboard over HTTP")
struct DashboardRouteTests {
    @Test("The page is open, English by default, self-contained, and shows every line and the open batches")
    func englishPage() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        try await harness.test { client async throws in
            let page = try await client.get("/dashboard")
            #expect(page.status == 200 && page.headers[.contentType]?.hasPrefix("text/html") == true)
            let html = page.text
            #expect(html.contains("<html lang=\"en\">") && html.contains("Line dashboard") && html.contains("Open batches"))
            #expect(html.contains("data-line=\"line-1\"") && html.contains("data-line=\"line-2\""))
            #expect(html.contains("<tr data-batch=\"\(batch)\">"))
            #expect(html.contains("href=\"/dashboard?lang=zh\"") && html.contains("中文"))
            // Nothing is fetched from elsewhere: no external scripts, styles, images or fonts.
            for external in ["<script src", "<link", "src=\"http", "href=\"http", "url(", "@import"] {
                #expect(!html.contains(external), "\(external)")
            }

            let root = try await client.get("/")
            #expect(root.status == 302 && root.headers[.location] == "/dashboard")
        }
    }

    @Test("Chinese by ?lang=zh or by Accept-Language; lang= wins over the header; an unknown lang falls back to the header")
    func languages() async throws {
        let harness = try APIHarness()
        try await harness.test { client async throws in
            func page(_ uri: String, accept: String? = nil) async throws -> String {
                let headers: HTTPFields = accept.map { [.acceptLanguage: $0] } ?? [:]
                return try await client.send(.get, uri, headers: headers).text
            }
            let chinese = try await page("/dashboard?lang=zh")
            #expect(chinese.contains("<html lang=\"zh-CN\">") && chinese.contains("产线看板") && chinese.contains("空闲"))
            #expect(chinese.contains("href=\"/dashboard?lang=en\"") && !chinese.contains("Line dashboard"))
            #expect(try await page("/dashboard", accept: "zh-CN,zh;q=0.9,en;q=0.8").contains("产线看板"))
            #expect(try await page("/dashboard", accept: "fr-FR, zh;q=0.5").contains("产线看板"))
            #expect(try await page("/dashboard", accept: "en-US,en;q=0.9,zh;q=0.8").contains("Line dashboard"))
            #expect(try await page("/dashboard?lang=en", accept: "zh-CN").contains("Line dashboard"))
            #expect(try await page("/dashboard?lang=xx", accept: "zh-CN").contains("产线看板"))
        }
    }

    @Test("A line id with markup is written as text")
    func escapesLineIDs() async throws {
        let harness = try APIHarness(lines: [LineSettings(id: "<script>alert(1)</script>")])
        try await harness.test { client async throws in
            let html = try await client.get("/dashboard").text
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>alert(1)"))
        }
    }

    @Test("status.json: each line as in /api/v1/lines plus its reconciliation and chart, the open batches and the time")
    func statusShape() async throws {
        let harness = try APIHarness()
        let batch = try await harness.createBatch()
        try await harness.test { client async throws in
            let answer = try await client.get("/dashboard/status.json")
            #expect(answer.status == 200 && answer.headers[.contentType]?.hasPrefix("application/json") == true)
            let lines = try #require(answer.json["lines"] as? [[String: Any]])
            #expect(lines.map { $0["line"] as? String } == ["line-1", "line-2"])
            let apiLine = try #require((try await client.get("/api/v1/lines", as: .operator_).json["lines"] as? [[String: Any]])?.first)
            #expect(Set(lines[0].keys) == Set(apiLine.keys).union(["reconciliation", "chart"]))
            #expect(lines[0]["reconciliation"] is NSNull)
            #expect((lines[0]["chart"] as? String)?.hasPrefix("<svg") == true)
            let open = try #require(answer.json["open_batches"] as? [[String: Any]])
            #expect(open.map { $0["id"] as? Int } == [Int(batch)])
            #expect((answer.json["updated"] as? String)?.isEmpty == false)
        }
    }

    @Test("A running line's page and JSON show its run, its reconciliation and its label images, which the image route serves")
    func runningLine() async throws {
        try await APIHarness(lines: [LineSettings(id: "line-1")]).withRunningLines { harness in
            let line = try #require(harness.api.lines["line-1"])
            let batch = try await harness.createBatch(quantity: 10)
            try await harness.test { client async throws in
                let started = try await client.post("/api/v1/lines/line-1/start", as: .operator_, json: #"{"batch":\#(batch),"count":3}"#)
                #expect(started.status == 202)
                let done = try await waitFor(line, "the run of 3 labels") { $0.run == 1 && $0.state == .idle }
                #expect(done.good == 3)

                let status = try #require((try await client.get("/dashboard/status.json").json["lines"] as? [[String: Any]])?.first)
                #expect(status["printed"] as? Int == 3 && status["batch"] as? Int == Int(batch))
                #expect((status["reconciliation"] as? [String: Any])?["issued"] as? Int == 3)
                #expect((status["chart"] as? String)?.contains("data-verdicts=\"3\"") == true)
                let images = try #require(status["label_images"] as? [String])
                #expect(!images.isEmpty)

                let html = try await client.get("/dashboard").text
                #expect(html.contains("<span data-field=\"batch\">\(batch)</span>") && html.contains("<dd data-field=\"printed\">3</dd>"))
                #expect(html.contains("<td data-count=\"issued\">3</td>"))
                for image in images {
                    #expect(html.contains("<img src=\"/dashboard/lines/line-1/labels/\(image)\""))
                    let png = try await client.get("/dashboard/lines/line-1/labels/\(image)")
                    #expect(png.status == 200 && png.headers[.contentType] == "image/png")
                    #expect(png.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
                }
            }
        }
    }

    @Test("The image route serves label-<n>.png from the line's label folder and nothing else")
    func imagePathTraversal() async throws {
        try await APIHarness(lines: [LineSettings(id: "line-1")]).withRunningLines { harness in
            let line = try #require(harness.api.lines["line-1"])
            // A file beside the labels that a looser name check would serve; the ledger is above them.
            try Data("secret".utf8).write(to: URL(fileURLWithPath: line.labelFolder + "/secret.png"))
            try await harness.test { client async throws in
                let names = ["..", "...", "secret.png", "labels.jsonl", "label-0.png", "label-01.png", "label-1.PNG", "label-1.png.bak",
                             "label--1.png", "label-1.png%00", "..%2Fstation.sqlite", "%2E%2E%2Fstation.sqlite", "..%5Cstation.sqlite",
                             "label-1.png%2F..%2F..%2Fstation.sqlite"]
                for name in names {
                    let answer = try await client.get("/dashboard/lines/line-1/labels/\(name)")
                    #expect(answer.status == 400 && answer.error?.field == "file", "\(name): \(answer.status)")
                }
                for path in ["/dashboard/lines/line-1/labels/../../station.sqlite", "/dashboard/lines/line-1/labels/x/../../station.sqlite",
                             "/dashboard/lines/../labels/label-1.png", "/dashboard/lines/line-1/labels/"] {
                    let answer = try await client.get(path)
                    #expect(answer.status == 404 || answer.status == 400, "\(path): \(answer.status)")
                    #expect(!answer.text.contains("secret") && !answer.text.hasPrefix("SQLite"), "\(path)")
                }
                let missing = try await client.get("/dashboard/lines/line-1/labels/label-7.png")
                #expect(missing.status == 404 && missing.error?.error == "label-image-not-found")
                let unknown = try await client.get("/dashboard/lines/line-9/labels/label-1.png")
                #expect(unknown.status == 404 && unknown.error?.error == "line-not-found")
            }
        }

        let idle = try APIHarness()
        try await idle.test { client async throws in
            let answer = try await client.get("/dashboard/lines/line-1/labels/label-1.png")
            #expect(answer.status == 503 && answer.error?.error == "line-not-running")
        }
    }
}
