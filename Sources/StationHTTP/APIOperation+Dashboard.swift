/// The dashboard's routes: read-only and open (no token), so a screen on the floor can show
/// them without holding a token it could leak.
extension APIOperation {
    static let dashboardRoutes: [APIOperation] = [root, dashboard, dashboardStatus, labelImage]

    static let root = APIOperation(
        id: "root", method: .get, path: "/", summary: "Redirects to the dashboard.", role: nil,
        answers: [.init(status: 302, description: "To /dashboard.", content: [:])])

    static let dashboard = APIOperation(
        id: "dashboard", method: .get, path: "/dashboard",
        summary: "The dashboard: one self-contained HTML page of every line (state, progress, counters, printer, latest labels, grade chart, reconciliation) and the open batches; it polls /dashboard/status.json to update itself.",
        role: nil,
        parameters: [
            Parameter(name: "lang", location: .query,
                      description: "zh (Chinese) or en (English); without it, or with another value, the Accept-Language header decides, else English.",
                      schema: Schema.enumeration(["zh", "en"])),
        ],
        answers: [
            .init(status: 200, description: "The page.", content: ["text/html": Schema.string]),
            .error(503, "The ledger cannot be read now (`ledger-unavailable`, `ledger-busy`); retry."),
        ])

    static let dashboardStatus = APIOperation(
        id: "dashboardStatus", method: .get, path: "/dashboard/status.json",
        summary: "What the dashboard shows, as JSON: each line as in /api/v1/lines with its batch's reconciliation and grade chart, and the open batches.",
        role: nil,
        answers: [
            .init(status: 200, description: "The status.", content: Schema.json("DashboardStatus")),
            .error(503, "The ledger cannot be read now (`ledger-unavailable`, `ledger-busy`); retry."),
        ])

    static let labelImage = APIOperation(
        id: "dashboardLabelImage", method: .get, path: "/dashboard/lines/{line}/labels/{file}",
        summary: "A label image of the line, as its printer rendered it; the line's `label_images` name the latest.",
        role: nil,
        parameters: [
            Parameter(name: "line", location: .path, description: "The line id, as configured.", schema: Schema.string),
            Parameter(name: "file", location: .path, description: "The image's name, label-<n>.png.",
                      schema: ["type": "string", "pattern": "^label-[1-9][0-9]{0,18}\\.png$"]),
        ],
        answers: [
            .init(status: 200, description: "The image.", content: ["image/png": ["type": "string", "contentMediaType": "image/png"]]),
            .error(400, "The name is not label-<n>.png (`invalid-parameter`)."),
            .error(404, "The station has no such line (`line-not-found`), or the line has no such image (`label-image-not-found`)."),
            .error(503, "The line is configured but not running (`line-not-running`)."),
        ])
}
