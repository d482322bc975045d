import Hummingbird
import Ledger

/// The plant view: what every station sharing the ledger last published of its lines.
extension StationAPI {
    func plantStatus(headers: HTTPFields = [:]) async throws -> Response {
        JSONResponse.make(try await plantBody(), headers: headers)
    }

    func plantDashboard(_ request: Request) async throws -> Response {
        let language = DashboardLanguage.choose(query: request.uri.queryParameters["lang"].map(String.init),
                                                acceptLanguage: request.headers[.acceptLanguage])
        let page = PlantPage(plant: try await plantBody(), language: language, linksToStation: !plantOnly)
        return JSONResponse.text(page.html, contentType: "text/html; charset=utf-8", headers: [.cacheControl: "no-store"])
    }

    func plantBody() async throws(APIError) -> PlantBody {
        let rows = try await ledgerCall { () async throws(LedgerError) in try await ledger.plantLineStatus() }
        return PlantBody(rows: rows, now: plant.clock(), staleAfter: plant.staleAfterMilliseconds)
    }
}
