/// `POST /api/v1/lines/{line}/start`: print a batch on the line, `count` labels or one per trigger.
struct StartLineRequest: JSONRequestBody {
    enum Mode: String, Decodable {
        /// `count` good labels, one after another.
        case continuous
        /// One label per trigger (`POST …/triggers` or the line's TCP trigger port) until `…/finish`.
        case trigger
    }

    static let fieldNames: Set<String> = ["batch", "count", "mode"]

    var batch: Int64
    var count: Int?
    var mode: Mode?
}
