import Foundation
import Hummingbird
import Ledger
import Station

/// The dashboard: a page for a screen on the floor, its status JSON and the label images.
extension StationAPI {
    /// Whether `name` is one the virtual printer gives a label's image (`label-<odometer>.png`);
    /// the image route serves these and nothing else, so no path can leave the line's label folder.
    static func isLabelImageName(_ name: String) -> Bool {
        name.wholeMatch(of: /label-[1-9][0-9]{0,18}\.png/) != nil
    }

    func dashboard(_ request: Request) async throws -> Response {
        let language = DashboardLanguage.choose(query: request.uri.queryParameters["lang"].map(String.init),
                                                acceptLanguage: request.headers[.acceptLanguage])
        let page = DashboardPage(snapshot: try await dashboardSnapshot(), language: language)
        return JSONResponse.text(page.html, contentType: "text/html; charset=utf-8", headers: [.cacheControl: "no-store"])
    }

    func dashboardStatus() async throws -> Response {
        JSONResponse.make(DashboardStatusBody(try await dashboardSnapshot()), headers: [.cacheControl: "no-store"])
    }

    func labelImage(_ context: StationRequestContext) async throws -> Response {
        let line = try workflow(context)
        let name = context.parameters.get("file") ?? ""
        guard Self.isLabelImageName(name) else {
            throw APIError.invalidParameter("file", "must be a label image name, label-<n>.png, not \"\(name)\"")
        }
        guard let data = FileManager.default.contents(atPath: line.labelFolder + "/" + name) else {
            throw APIError(.notFound, "label-image-not-found", "line \(line.settings.id) has no label image \(name)", field: "file")
        }
        return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Every configured line's status and current reconciliation, and the open batches.
    func dashboardSnapshot() async throws(APIError) -> DashboardSnapshot {
        var shown: [DashboardSnapshot.Line] = []
        for line in settings.lines {
            // As published: see `listLines()`.
            let status = lines[line.id]?.publishedStatus ?? LineStatus(line: line.id)
            var reconciliation: Reconciliation?
            if let batch = status.batch {
                reconciliation = try await ledgerCall { () async throws(LedgerError) in try await ledger.reconcile(batch: batch) }
            }
            shown.append(DashboardSnapshot.Line(status: status, reconciliation: reconciliation))
        }
        let batches = try await ledgerCall { () async throws(LedgerError) in try await ledger.batches() }
        return DashboardSnapshot(stationID: settings.stationID, lines: shown, openBatches: batches.filter { $0.state == .open },
                                 time: Date())
    }
}
