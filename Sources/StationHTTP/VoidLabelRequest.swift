/// `POST /api/v1/batches/{batch}/voids`: void one label, and when `replace` is true issue its
/// replacement (a reprint) linked to it.
struct VoidLabelRequest: JSONRequestBody {
    static let fieldNames: Set<String> = ["code", "reason", "replace", "line"]

    /// The code as issued: its Digital Link URI.
    var code: String
    var reason: String
    var replace: Bool?
    /// The line the label was on, for the metrics; one of the station's lines.
    var line: String?
}
