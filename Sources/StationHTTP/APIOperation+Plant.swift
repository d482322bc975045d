/// The plant view: every line of every station that shares the ledger. The API route needs a
/// token like the line routes; the page and its JSON are open like the dashboard's.
extension APIOperation {
    static let plantRoutes: [APIOperation] = [plant, plantDashboard, plantDashboardStatus]

    private static let ledgerDown = Answer.error(503, "The ledger cannot be read now (`ledger-unavailable`, `ledger-busy`); retry.")

    static let plant = APIOperation(
        id: "getPlant", method: .get, path: "/api/v1/plant",
        summary: "Every line of every station on this ledger, as each station last published it (about once a second), with its age; a line silent for longer than the staleness is `reporting: false` and still shown. Totals are summed over all lines shown.",
        role: .operator_,
        answers: [.init(status: 200, description: "The plant.", content: Schema.json("Plant")), ledgerDown])

    static let plantDashboard = APIOperation(
        id: "plantDashboard", method: .get, path: "/dashboard/plant",
        summary: "The plant dashboard: one self-contained HTML table of every station's lines (state, batch, progress, counts, printer, last update) and the plant's totals; it polls /dashboard/plant.json.",
        role: nil,
        parameters: [
            Parameter(name: "lang", location: .query,
                      description: "zh (Chinese) or en (English); without it, or with another value, the Accept-Language header decides, else English.",
                      schema: Schema.enumeration(["zh", "en"])),
        ],
        answers: [.init(status: 200, description: "The page.", content: ["text/html": Schema.string]), ledgerDown])

    static let plantDashboardStatus = APIOperation(
        id: "plantDashboardStatus", method: .get, path: "/dashboard/plant.json",
        summary: "What the plant dashboard shows: the same body as /api/v1/plant, open like the dashboard.", role: nil,
        answers: [.init(status: 200, description: "The plant.", content: Schema.json("Plant")), ledgerDown])

    /// `/` under `serve --plant`, in place of `root`.
    static let plantRoot = APIOperation(
        id: "root", method: .get, path: "/", summary: "Redirects to the plant dashboard.", role: nil,
        answers: [.init(status: 302, description: "To /dashboard/plant.", content: [:])])
}
