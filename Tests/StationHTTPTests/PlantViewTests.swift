import Foundation
import Ledger
import Station
@testable import StationHTTP
import Testing

@Suite("The plant view")
struct PlantViewTests {
    @Test("Two stations on one ledger each show both stations' lines in /api/v1/plant, with each line's status as the line route shows it")
    func twoStations() async throws {
        let plant = try PlantHarness()
        let east = try await plant.station("east", lines: ["line-1"]), west = try await plant.station("west", lines: ["line-1", "line-2"])
        let running = [PlantHarness.run(east), PlantHarness.run(west)]
        defer { for task in running { task.cancel() } }
        for station in [east, west] {
            let shown = try await PlantHarness.waitForPlant(station.api, "all three lines published") { PlantHarness.lines($0).count == 3 }
            let lines = PlantHarness.lines(shown)
            #expect(Set(lines.keys) == ["east/line-1", "west/line-1", "west/line-2"])
            for (name, entry) in lines {
                #expect(entry["reporting"] as? Bool == true, "\(name)")
                let status = try #require(entry["status"] as? [String: Any], "\(name)")
                #expect(status["state"] as? String == "idle" && status["line"] as? String == String(name.split(separator: "/")[1]))
                #expect((status["printer"] as? [String: Any])?["state"] != nil)
            }
            #expect((shown["stations"] as? [[String: Any]])?.map { $0["station"] as? String } == ["east", "west"])
            let totals = try #require(shown["totals"] as? [String: Any])
            #expect(totals["stations"] as? Int == 2 && totals["lines"] as? Int == 3 && totals["reporting"] as? Int == 3)
            #expect(totals["not_reporting"] as? Int == 0 && totals["printed"] as? Int == 0)
        }
        // The same JSON as the station's own line route, once a publish has caught up with it.
        var same = false
        for _ in 0..<600 where !same {
            let published = PlantHarness.lines(try await PlantHarness.get(west.api, "/api/v1/plant").json)["west/line-2"]?["status"] as? [String: Any]
            let own = try await PlantHarness.get(west.api, "/api/v1/lines/line-2").json
            same = published.map { NSDictionary(dictionary: $0) == NSDictionary(dictionary: own) } ?? false
            if !same { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(same, "the published status is the line route's JSON")
    }

    @Test("A stopped station's line stays in the plant, not reporting once the staleness has passed by the clock")
    func stoppedStation() async throws {
        let plant = try PlantHarness()
        let east = try await plant.station("east"), west = try await plant.station("west")
        let eastRun = PlantHarness.run(east), westRun = PlantHarness.run(west)
        defer { eastRun.cancel() }
        _ = try await PlantHarness.waitForPlant(east.api, "both stations published") { PlantHarness.lines($0).count == 2 }
        westRun.cancel()
        _ = await westRun.result
        let stoppedAt = plant.clock.now
        plant.clock.advance(seconds: 11)
        let shown = try await PlantHarness.waitForPlant(east.api, "east published after the clock moved") {
            (PlantHarness.lines($0)["east/line-1"]?["updated_at_ms"] as? Int).map { Int64($0) > stoppedAt } == true
        }
        let lines = PlantHarness.lines(shown)
        #expect(lines["east/line-1"]?["reporting"] as? Bool == true)
        let silent = try #require(lines["west/line-1"])
        #expect(silent["reporting"] as? Bool == false)
        #expect((silent["age_seconds"] as? Double ?? 0) >= 11)
        #expect((silent["status"] as? [String: Any])?["state"] as? String == "idle")
        let totals = try #require(shown["totals"] as? [String: Any])
        #expect(totals["lines"] as? Int == 2 && totals["reporting"] as? Int == 1 && totals["not_reporting"] as? Int == 1)

        let page = try await PlantHarness.get(east.api, "/dashboard/plant?lang=en", as: nil).text
        let westRow = try #require(page.split(separator: "\n").first { $0.contains(#"data-station="west""#) })
        #expect(westRow.contains(#"data-reporting="false""#) && westRow.contains("Not reporting since"))
        let eastRow = try #require(page.split(separator: "\n").first { $0.contains(#"data-station="east""#) })
        #expect(eastRow.contains(#"data-reporting="true""#) && !eastRow.contains("Not reporting since"))
    }

    @Test("The plant page renders every line in Chinese and in English, each phrase from the dashboard's text",
          arguments: [DashboardLanguage.chinese, .english])
    func page(_ language: DashboardLanguage) async throws {
        let plant = try PlantHarness()
        let east = try await plant.station("east"), west = try await plant.station("west")
        let running = [PlantHarness.run(east), PlantHarness.run(west)]
        defer { for task in running { task.cancel() } }
        _ = try await PlantHarness.waitForPlant(east.api, "both stations published") { PlantHarness.lines($0).count == 2 }
        let answer = try await PlantHarness.get(east.api, "/dashboard/plant?lang=\(language.rawValue)", as: nil)
        #expect(answer.status == 200 && answer.headers[.contentType]?.hasPrefix("text/html") == true)
        let html = answer.text
        for phrase: DashboardText in [.plantTitle, .station, .line, .state, .lastUpdate, .plantTotals, .stationLines, .idle] {
            #expect(html.contains(HTML.escape(phrase.text(language))), "\(phrase)")
        }
        #expect(html.contains(language == .chinese ? "全厂看板" : "Plant dashboard"))
        #expect(html.contains(#"<tr data-station="east" data-line="line-1""#) && html.contains(#"<tr data-station="west" data-line="line-1""#))
        #expect(html.contains(#"href="/dashboard?lang=\#(language.rawValue)""#), "links back to the station's dashboard")
        #expect(!html.contains("http://") && !html.contains("https://"), "no external resources")
        #expect(html.contains("/dashboard/plant.json"))

        let dashboard = try await PlantHarness.get(east.api, "/dashboard?lang=\(language.rawValue)", as: nil).text
        #expect(dashboard.contains(#"href="/dashboard/plant?lang=\#(language.rawValue)""#) && dashboard.contains(HTML.escape(DashboardText.plantView.text(language))))

        let json = try await PlantHarness.get(east.api, "/dashboard/plant.json", as: nil)
        #expect(json.status == 200 && PlantHarness.lines(json.json).count == 2)
    }

    @Test("The API route needs a token; the page and its JSON are open")
    func access() async throws {
        let plant = try PlantHarness()
        let east = try await plant.station("east")
        #expect(try await PlantHarness.get(east.api, "/api/v1/plant", as: nil).status == 401)
        #expect(try await PlantHarness.get(east.api, "/dashboard/plant", as: nil).status == 200)
        #expect(try await PlantHarness.get(east.api, "/dashboard/plant.json", as: nil).status == 200)
    }

    @Test("The plant view alone serves the plant, health and metrics, no line routes; / leads to the plant page; it publishes nothing")
    func plantOnly() async throws {
        let plant = try PlantHarness()
        let east = try await plant.station("east")
        let eastRun = PlantHarness.run(east)
        defer { eastRun.cancel() }
        let view = try plant.plantView()
        #expect(view.lines.isEmpty)
        let viewRun = PlantHarness.run(view)
        defer { viewRun.cancel() }
        let shown = try await PlantHarness.waitForPlant(view.api, "east published") { PlantHarness.lines($0)["east/line-1"] != nil }
        #expect(PlantHarness.lines(shown).keys.sorted() == ["east/line-1"])
        #expect(try await PlantHarness.get(view.api, "/health").status == 200)
        #expect(try await PlantHarness.get(view.api, "/metrics").status == 200)
        let root = try await PlantHarness.get(view.api, "/", as: nil)
        #expect(root.status == 302 && root.headers[.location] == "/dashboard/plant")
        for path in ["/api/v1/lines", "/api/v1/batches", "/dashboard", "/dashboard/status.json"] {
            #expect(try await PlantHarness.get(view.api, path, as: .admin).status == 404, "\(path)")
        }
        let page = try await PlantHarness.get(view.api, "/dashboard/plant", as: nil).text
        #expect(!page.contains("station-link"), "no station dashboard to go back to")
        let document = try await PlantHarness.get(view.api, "/openapi.json").json
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(Set(paths.keys) == Set(APIOperation.plantOnly.map(\.path)))
        // A while of the view serving, and still only the station's row: the view publishes nothing.
        try await Task.sleep(for: .milliseconds(500))
        let rows = try await SQLiteLedger(path: plant.ledgerPath, station: "reader").plantLineStatus()
        #expect(rows.map(\.station) == ["east"])
    }
}
