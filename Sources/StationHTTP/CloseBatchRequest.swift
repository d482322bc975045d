/// `POST /api/v1/batches/{batch}/close`: an empty body closes a balanced batch; `override`
/// closes an unbalanced one, recorded and signed with the lead's name and reason.
struct CloseBatchRequest: JSONRequestBody {
    static let fieldNames: Set<String> = ["override"]

    struct Override: Decodable {
        var reason: String
    }

    var override: Override?
}
